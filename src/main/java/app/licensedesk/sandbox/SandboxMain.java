package app.licensedesk.sandbox;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/** Runs the sandbox alone: parses the command line, starts the server, prints how to use it, runs until Ctrl+C. */
public final class SandboxMain {

    static final int DEFAULT_PORT = 18088;
    static final String PRINT_TOTP = "--print-totp";

    static final String USAGE = """
            Usage: --sandbox-server [options]
              --port N                 port on 127.0.0.1 (default 18088, 0 = any free port)
              --customers N            number of companies (default 40; controllers and licenses scale with it)
              --latency-ms N           delay before every answer (default 0)
              --fault-rate X           share of requests that fail on purpose, 0..1 (default 0)
              --apply-then-drop-rate X share of claim/activate POSTs carried out, then dropped unanswered
              --seed N                 seed of the demo data (default 42)
              --access-ttl-seconds N   lifetime of access tokens (default 300)
              --unknown-license-types  also serve two licenses of an undocumented type ("pilot")
              --print-totp             print the current TOTP code of 2fa@sandbox.test and exit
              --help                   show this text""";

    private SandboxMain() {
    }

    public static void main(String[] args) {
        if (Arrays.asList(args).contains(PRINT_TOTP)) {
            // Alone on the line, so that scripts can use $(... --print-totp).
            System.out.println(Totp.code(SandboxAccounts.TOTP_SECRET, Instant.now()));
            return;
        }
        SandboxOptions options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("sandbox: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.println(USAGE);
            return;
        }
        SandboxServer server;
        try {
            server = SandboxServer.start(options);
        } catch (IOException e) {
            System.err.println("sandbox: cannot listen on 127.0.0.1:" + options.port() + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "sandbox-shutdown"));
        server.onEmailCode((user, code) -> System.out.println("Email code for " + user + ": " + code));
        printBanner(server, System.out);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The options for the arguments, or null when only help was asked for; bad input throws. */
    static SandboxOptions parse(String[] args) {
        SandboxOptions options = SandboxOptions.defaults().withPort(DEFAULT_PORT);
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            String value = null;
            int eq = name.indexOf('=');
            if (name.startsWith("--") && eq > 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            switch (name) {
                case "--help", "-h" -> {
                    return null;
                }
                // The launcher may pass its own switch along.
                case "--sandbox-server" -> {
                    continue;
                }
                case PRINT_TOTP -> {
                    continue;
                }
                case "--unknown-license-types" -> {
                    options = options.withUnknownLicenseTypes(true);
                    continue;
                }
                default -> {
                }
            }
            if (!name.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + name);
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                value = args[++i];
            }
            options = switch (name) {
                case "--port" -> options.withPort(integer(name, value));
                case "--customers" -> options.withCustomers(integer(name, value));
                case "--latency-ms" -> options.withLatencyMs(integer(name, value));
                case "--fault-rate" -> options.withFaultRate(decimal(name, value));
                case "--apply-then-drop-rate" -> options.withApplyThenDropRate(decimal(name, value));
                case "--seed" -> options.withSeed(longValue(name, value));
                case "--access-ttl-seconds" -> options.withAccessTokenTtl(Duration.ofSeconds(integer(name, value)));
                default -> throw new IllegalArgumentException("unknown option " + name);
            };
        }
        return options;
    }

    private static int integer(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a whole number, not '" + value + "'");
        }
    }

    private static long longValue(String name, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a whole number, not '" + value + "'");
        }
    }

    private static double decimal(String name, String value) {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a number, not '" + value + "'");
        }
    }

    static void printBanner(SandboxServer server, PrintStream out) {
        String url = server.baseUrl();
        Estate estate = server.estate();
        SandboxOptions o = server.options();
        Estate.Company first = estate.companies().get(0);
        String freshKey = estate.licensesOf(first.id()).get(0).key();
        String controller = estate.devices().stream()
                .filter(d -> d.isController() && d.companyId() == first.id())
                .findFirst().orElseThrow().nodeId();
        String json = "-H 'Content-Type: application/json'";
        out.println("License Desk sandbox listening on " + url + "  (auth paths and /v1 paths on this one URL)");
        out.println();
        out.println("Accounts (username / password):");
        out.println("  " + SandboxAccounts.ADMIN_USERNAME + " / " + SandboxAccounts.ADMIN_PASSWORD
                + "    everything");
        out.println("  " + SandboxAccounts.SALES_USERNAME + " / " + SandboxAccounts.SALES_PASSWORD
                + "    about a third of the companies; may claim, may not activate");
        out.println("  " + SandboxAccounts.TWO_FACTOR_USERNAME + " / " + SandboxAccounts.TWO_FACTOR_PASSWORD
                + "        like admin, with two-factor authentication");
        out.println("TOTP secret (base32) of " + SandboxAccounts.TWO_FACTOR_USERNAME + ": "
                + SandboxAccounts.TOTP_SECRET);
        Instant now = o.clock().instant();
        long left = Totp.STEP_SECONDS - Math.floorMod(now.getEpochSecond(), Totp.STEP_SECONDS);
        out.println("TOTP code now: " + Totp.code(SandboxAccounts.TOTP_SECRET, now) + " (for " + left
                + " s more; '--sandbox-server " + PRINT_TOTP + "' prints the current one)");
        out.println("Recovery codes (each works once): " + String.join(", ", SandboxAccounts.RECOVERY_CODES));
        out.println("Emailed 2FA codes are printed here when a challenge is requested.");
        out.println();
        out.println("Data: seed " + o.seed() + ", " + estate.companies().size() + " companies, "
                + estate.controllerCount() + " controllers, " + estate.licenses().size() + " licenses; latency "
                + o.latencyMs() + " ms; fault rate " + o.faultRate() + "; access tokens live "
                + o.accessTokenTtl().toSeconds() + " s");
        out.println();
        out.println("Try (bash):");
        out.println("  R=$(curl -s -X POST " + url + "/auth/login " + json
                + " -d '{\"username\":\"admin@sandbox.test\",\"password\":\"admin-pass\"}' | tr -d '\"')");
        out.println("  A=$(curl -s " + url + "/auth/accesstoken -H \"Authorization: Bearer $R\" | tr -d '\"')");
        out.println("  curl -s " + url + "/v1/company -H \"Authorization: Bearer $A\"");
        out.println("  curl -s -X POST " + url + "/v1/device/query -H \"Authorization: Bearer $A\" " + json
                + " -d '{\"filter\":{\"companyId\":[" + first.id()
                + "],\"nodeType\":[\"smartgridControllerSite\"]}}'");
        out.println("  curl -s '" + url + "/v1/license/customer/" + first.uuid() + "?includeDatalinks=true'"
                + " -H \"Authorization: Bearer $A\"");
        out.println("  curl -s -X POST " + url + "/v1/license/activate -H \"Authorization: Bearer $A\" " + json
                + " -d '{\"key\":\"" + freshKey + "\"}'");
        out.println("  curl -s -X POST " + url + "/v1/license/claim -H \"Authorization: Bearer $A\" " + json
                + " -d '{\"licenseKey\":\"" + freshKey + "\",\"nodeId\":\"" + controller + "\"}'");
        out.println("  curl -s " + url + "/v1/license/controller/" + controller + " -H \"Authorization: Bearer $A\"");
        out.println("  curl -s -X POST " + url + "/auth/logout -H \"Authorization: Bearer $R\" -w '%{http_code}\\n'");
        out.println();
        out.println("Stop with Ctrl+C. Nothing is kept: every start seeds the demo data afresh.");
    }
}
