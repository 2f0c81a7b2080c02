package app.licensedesk.session;

import static org.assertj.core.api.Assertions.assertThat;

import app.licensedesk.api.testing.Jwts;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class JwtTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void readsExpFromTheBase64UrlPayload() {
        assertThat(Jwt.expiry(Jwts.withExp(T0, "x"))).contains(T0);
        // The compiled access-token example: exp 1767225600.
        assertThat(Jwt.expiry("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI0MiIsImlhdCI6MTc2NzIyNTMwMCwiZXhwIjox"
                + "NzY3MjI1NjAwfQ.c2lnbmF0dXJlLW5vdC1jaGVja2Vk")).contains(Instant.ofEpochSecond(1767225600));
    }

    @Test
    void acceptsPaddingAndFractionalExp() {
        String payload = Base64.getUrlEncoder().encodeToString("{\"exp\":1767225600.5}".getBytes(
                StandardCharsets.UTF_8));
        assertThat(payload).endsWith("=");
        assertThat(Jwt.expiry("h." + payload + ".s")).contains(Instant.ofEpochSecond(1767225600).plusMillis(500));
    }

    @Test
    void isLenientWithAnythingElse() {
        assertThat(Jwt.expiry(null)).isEmpty();
        assertThat(Jwt.expiry("Jpc3MiOiJodHRwczovL2F1dGhlbnRpY2")).isEmpty();
        assertThat(Jwt.expiry("a.b.c")).isEmpty();
        assertThat(Jwt.expiry("a.%%%.c")).isEmpty();
        String noExp = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"sub\":\"1\"}".getBytes(
                StandardCharsets.UTF_8));
        assertThat(Jwt.expiry("h." + noExp + ".s")).isEmpty();
        String textExp = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"exp\":\"soon\"}".getBytes(
                StandardCharsets.UTF_8));
        assertThat(Jwt.expiry("h." + textExp + ".s")).isEmpty();
        String array = Base64.getUrlEncoder().withoutPadding().encodeToString("[1]".getBytes(StandardCharsets.UTF_8));
        assertThat(Jwt.expiry("h." + array + ".s")).isEmpty();
    }

    @Test
    void lifetimeIsTheEarlierOfFiveMinutesAndExpMinusTheMargin() {
        TokenLifetime lifetime = new TokenLifetime(Duration.ofMinutes(5), Duration.ofSeconds(30));
        // exp in 10 minutes (the api pages' figure): the 5-minute rule wins.
        assertThat(lifetime.renewAt(Jwts.withExp(T0.plus(Duration.ofMinutes(10)), "a"), T0))
                .isEqualTo(T0.plus(Duration.ofSeconds(270)));
        // exp in 2 minutes: exp wins.
        assertThat(lifetime.renewAt(Jwts.withExp(T0.plus(Duration.ofMinutes(2)), "a"), T0))
                .isEqualTo(T0.plus(Duration.ofSeconds(90)));
        // not a JWT: the 5-minute rule.
        assertThat(lifetime.renewAt("opaque", T0)).isEqualTo(T0.plus(Duration.ofSeconds(270)));
        // exp already past by our clock (skew): ignored.
        assertThat(lifetime.renewAt(Jwts.withExp(T0.minusSeconds(60), "a"), T0))
                .isEqualTo(T0.plus(Duration.ofSeconds(270)));
        // exp closer than the margin: renew at half the lifetime rather than on every request.
        assertThat(lifetime.renewAt(Jwts.withExp(T0.plusSeconds(20), "a"), T0)).isEqualTo(T0.plusSeconds(10));
    }
}
