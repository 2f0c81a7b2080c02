package app.licensedesk.logging;

import static org.assertj.core.api.Assertions.assertThat;

import app.licensedesk.UserFolders;
import app.licensedesk.api.ClientSettings;
import app.licensedesk.model.Customer;
import app.licensedesk.model.Environment;
import app.licensedesk.sandbox.SandboxAccounts;
import app.licensedesk.sandbox.SandboxOptions;
import app.licensedesk.sandbox.SandboxServer;
import app.licensedesk.sandbox.Totp;
import app.licensedesk.service.Backend;
import app.licensedesk.service.Backends;
import app.licensedesk.model.TwoFactorMethod;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * The app's own logback.xml writes its rolling file, every logger at TRACE (HTTP headers and bodies, OkHttp and the
 * JDK through JUL), while real sign-ins go to the local sandbox through the app's client: a wrong password, a wrong
 * and a right TOTP code, a recovery code, loading data, a call after sign-out, and every failure logged with its
 * stack trace as the app's handlers do. The file then holds no password, code, JWT or Authorization value.
 */
class LogFileSecretsTest {

    private static final Logger LOG = LoggerFactory.getLogger(LogFileSecretsTest.class);
    private static final String WRONG_PASSWORD = "Wr0ng-but-still-secret";

    @TempDir
    Path logs;

    private final LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final List<String> secrets = new ArrayList<>();

    @BeforeEach
    void logEverythingToTheAppsFile() throws JoranException {
        System.setProperty(UserFolders.LOGS_PROPERTY, logs.toString());
        configure(LogFileSecretsTest.class.getResource("/logback.xml"));
        // TRACE everywhere, into the file only (the console would flood the test output)
        logging.getLoggerList().forEach(logger -> logger.setLevel(Level.TRACE));
        logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender("CONSOLE");
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }

    @AfterEach
    void backToTheTestLogging() throws JoranException {
        System.clearProperty(UserFolders.LOGS_PROPERTY);
        configure(LogFileSecretsTest.class.getResource("/logback-test.xml"));
    }

    @Test
    void signInsAgainstTheSandboxLeaveNoSecretInTheLogFile() throws Exception {
        String recoveryCode = SandboxAccounts.RECOVERY_CODES.get(0);
        secrets.addAll(List.of(SandboxAccounts.ADMIN_PASSWORD, WRONG_PASSWORD, SandboxAccounts.TWO_FACTOR_PASSWORD,
                SandboxAccounts.TOTP_SECRET, recoveryCode));
        int port;
        try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.defaults())) {
            port = sandbox.port();
            Environment env = Environment.sandbox(sandbox.baseUrl());
            try (Backend admin = Backends.connect(env, ClientSettings.defaults())) {
                handled("a wrong password", () -> admin.session().signIn(SandboxAccounts.ADMIN_USERNAME,
                        WRONG_PASSWORD.toCharArray()));
                admin.session().signIn(SandboxAccounts.ADMIN_USERNAME, SandboxAccounts.ADMIN_PASSWORD.toCharArray());
                List<Customer> customers = admin.service().customers();
                admin.service().licensesOfCustomer(customers.get(0));
                admin.service().controllers(customers.subList(0, 2));
                admin.session().signOut();
                handled("a call after sign-out", () -> admin.service().customers());
            }
            try (Backend totp = Backends.connect(env, ClientSettings.defaults())) {
                signInWithTwoFactor(totp);
                String wrong = wrongTotp();
                secrets.add(wrong);
                handled("a wrong code", () -> totp.session().completeTwoFactor(TwoFactorMethod.TOTP, wrong));
                signInWithTwoFactor(totp);
                String code = Totp.code(SandboxAccounts.TOTP_SECRET, Instant.now());
                secrets.add(code);
                totp.session().completeTwoFactor(TwoFactorMethod.TOTP, code);
                totp.service().customers();
                totp.session().signOut();
            }
            try (Backend recovery = Backends.connect(env, ClientSettings.defaults())) {
                signInWithTwoFactor(recovery);
                recovery.session().completeTwoFactor(TwoFactorMethod.RECOVERY_CODE, recoveryCode);
                recovery.service().customers();
                recovery.session().signOut();
            }
        }
        logging.stop(); // flushes and closes the file

        String log = readLogs();
        // the log is real: HTTP at TRACE with bodies, headers redacted, failures with their stack traces
        assertThat(log).contains("--> POST http://127.0.0.1:" + port + "/auth/login")
                .contains("Authorization: [redacted]").contains("<-- body {").contains("/v1/company")
                .contains("a wrong password failed").contains("app.licensedesk.api.ApiException")
                .contains("\tat app.licensedesk.");
        for (String secret : secrets) {
            assertThat(Pattern.compile("(?<![0-9A-Za-z])" + Pattern.quote(secret) + "(?![0-9A-Za-z])").matcher(log)
                    .find()).as("the log file must not contain the secret %s", secret).isFalse();
        }
        // every token the sandbox issues is a JWT, whose parts start with eyJ ('{"' in base64)
        assertThat(log).doesNotContain("eyJ");
        assertThat(Pattern.compile("(?i)bearer\\s+(?!\\[redacted])\\S").matcher(log).find())
                .as("an Authorization value reached the log").isFalse();
    }

    private static void signInWithTwoFactor(Backend backend) {
        backend.session().signIn(SandboxAccounts.TWO_FACTOR_USERNAME,
                SandboxAccounts.TWO_FACTOR_PASSWORD.toCharArray());
    }

    /** Logs a failure with its stack trace, as the app's handlers do. */
    private static void handled(String what, Runnable call) {
        try {
            call.run();
            throw new AssertionError(what + " should have failed");
        } catch (RuntimeException e) {
            LOG.error("{} failed", what, e);
        }
    }

    /** Six digits that no TOTP window around now accepts. */
    private static String wrongTotp() {
        Instant now = Instant.now();
        List<String> valid = Stream.of(-60, -30, 0, 30, 60)
                .map(s -> Totp.code(SandboxAccounts.TOTP_SECRET, now.plusSeconds(s))).toList();
        return Stream.of("731904", "482615", "560273").filter(c -> !valid.contains(c)).findFirst().orElseThrow();
    }

    private String readLogs() throws IOException {
        try (Stream<Path> files = Files.list(logs)) {
            List<Path> all = files.toList();
            assertThat(all).as("the log file").isNotEmpty();
            StringBuilder text = new StringBuilder();
            for (Path file : all) {
                text.append(Files.readString(file, StandardCharsets.UTF_8));
            }
            return text.toString();
        }
    }

    private void configure(URL config) throws JoranException {
        logging.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(logging);
        configurator.doConfigure(config);
    }
}
