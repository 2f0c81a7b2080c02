package app.licensedesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.licensedesk.model.Environment;
import org.junit.jupiter.api.Test;

class AppOptionsTest {

    @Test
    void nothingPreselectsNothing() {
        assertThat(AppOptions.parse().preselect()).isNull();
    }

    @Test
    void sandboxAndProduction() {
        assertThat(AppOptions.parse("--sandbox").preselect()).isEqualTo(Environment.Kind.SANDBOX);
        assertThat(AppOptions.parse("--production").preselect()).isEqualTo(Environment.Kind.PRODUCTION);
    }

    @Test
    void smokeTestGoesWithAnyPreselection() {
        assertThat(AppOptions.parse().smokeTest()).isFalse();
        AppOptions options = AppOptions.parse("--sandbox", "--smoke-test");
        assertThat(options.smokeTest()).isTrue();
        assertThat(options.preselect()).isEqualTo(Environment.Kind.SANDBOX);
    }

    @Test
    void customNeedsBothValidUrls() {
        AppOptions custom = AppOptions.parse("--auth-url", "https://auth.example.com", "--api-url",
                "http://127.0.0.1:9000");
        assertThat(custom.preselect()).isEqualTo(Environment.Kind.CUSTOM);
        assertThat(custom.authUrl()).isEqualTo("https://auth.example.com");
        assertThatThrownBy(() -> AppOptions.parse("--auth-url", "https://a.example.com"))
                .hasMessageContaining("go together");
        assertThatThrownBy(() -> AppOptions.parse("--auth-url", "http://a.example.com", "--api-url",
                "https://b.example.com")).hasMessageContaining("only HTTPS");
        assertThatThrownBy(() -> AppOptions.parse("--api-url")).hasMessageContaining("needs a URL");
        assertThatThrownBy(() -> AppOptions.parse("--bogus")).hasMessageContaining("unknown option");
    }

    @Test
    void theUsageNamesTheBulkCommand() {
        assertThat(AppOptions.USAGE).contains("license-desk bulk (--sandbox").contains("see bulk --help");
    }
}
