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
    void namesThatOnlyLookLikeLoopbackNeedHttps() {
        // a host name's prefix proves nothing: these resolve wherever their owner wants
        assertThat(Environment.problemWith("http://127.0.0.1.nip.io")).isEqualTo("https-required");
        assertThat(Environment.problemWith("http://127.evil.example:8080")).isEqualTo("https-required");
        assertThat(Environment.problemWith("http://localhost.evil.example")).isEqualTo("https-required");
        assertThat(Environment.problemWith("http://127.0.0.1@evil.example")).isEqualTo("https-required");
        assertThat(Environment.problemWith("http://127.1")).isNotNull();
        assertThat(Environment.problemWith("http://127.0.0.256")).isNotNull();
        assertThat(Environment.problemWith("http://[::2]")).isEqualTo("https-required");
        assertThat(Environment.problemWith("http://[1::]")).isEqualTo("https-required");
        assertThat(Environment.problemWith("http://[::ffff:10.0.0.1]")).isEqualTo("https-required");
        assertThat(Environment.problemWith("https://127.0.0.1.nip.io")).isNull();
    }

    @Test
    void everyLiteralLoopbackAddressIsLoopback() {
        assertThat(Environment.isLoopback("127.0.0.1")).isTrue();
        assertThat(Environment.isLoopback("127.255.3.4")).isTrue();
        assertThat(Environment.isLoopback("LOCALHOST")).isTrue();
        assertThat(Environment.isLoopback("[::1]")).isTrue();
        assertThat(Environment.isLoopback("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(Environment.isLoopback("0000:0::0001")).isTrue();
        assertThat(Environment.isLoopback("128.0.0.1")).isFalse();
        assertThat(Environment.isLoopback("127.0.0")).isFalse();
        assertThat(Environment.isLoopback("127.0.0.1.")).isFalse();
        assertThat(Environment.isLoopback("127.00000.0.1")).isFalse();
        assertThat(Environment.isLoopback("::")).isFalse();
        assertThat(Environment.isLoopback("0:0:0:0:0:0:0:0:1")).isFalse();
        assertThat(Environment.isLoopback(null)).isFalse();
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
