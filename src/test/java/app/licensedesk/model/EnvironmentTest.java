package app.licensedesk.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EnvironmentTest {

    @Test
    void httpsIsRequiredForOtherHosts() {
        assertThat(Environment.problemWith("https://api.eniris.be")).isNull();
        assertThat(Environment.problemWith("http://api.eniris.be")).isEqualTo("https-required");
        assertThat(Environment.problemWith("http://10.0.0.5:8080")).isEqualTo("https-required");
    }

    @Test
    void loopbackMayUseHttp() {
        assertThat(Environment.problemWith("http://127.0.0.1:18088")).isNull();
        assertThat(Environment.problemWith("http://localhost:1234/")).isNull();
        assertThat(Environment.problemWith("http://[::1]:1234")).isNull();
    }

    @Test
    void malformedAndEmptyAreReported() {
        assertThat(Environment.problemWith("")).isEqualTo("empty");
        assertThat(Environment.problemWith("   ")).isEqualTo("empty");
        assertThat(Environment.problemWith(null)).isEqualTo("empty");
        assertThat(Environment.problemWith("ftp://example.com")).isEqualTo("scheme");
        assertThat(Environment.problemWith("example.com")).isEqualTo("scheme");
        assertThat(Environment.problemWith("https://")).isEqualTo("malformed");
        assertThat(Environment.problemWith("https://exa mple.com")).isEqualTo("malformed");
    }

    @Test
    void urlsAreNormalized() {
        Environment env = new Environment(Environment.Kind.CUSTOM, " https://a.example.com/ ",
                "https://b.example.com//");
        assertThat(env.authUrl()).isEqualTo("https://a.example.com");
        assertThat(env.apiUrl()).isEqualTo("https://b.example.com");
        assertThat(Environment.production().authUrl()).isEqualTo("https://authentication.eniris.be");
        assertThat(Environment.production().apiUrl()).isEqualTo("https://api.eniris.be");
        assertThat(Environment.production().isProduction()).isTrue();
    }
}
