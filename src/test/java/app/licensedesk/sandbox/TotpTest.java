package app.licensedesk.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {

    private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    /** The RFC 6238 SHA1 key in base32. */
    private static final String RFC_KEY_BASE32 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @ParameterizedTest
    @CsvSource({
        "59, 94287082",
        "1111111109, 07081804",
        "1111111111, 14050471",
        "1234567890, 89005924",
        "2000000000, 69279037",
        "20000000000, 65353130"})
    void matchesTheRfc6238Sha1TestVectors(long seconds, String expected) {
        assertThat(Totp.code(RFC_KEY, Instant.ofEpochSecond(seconds), 8)).isEqualTo(expected);
    }

    @Test
    void publicCodeIsTheSixDigitFormOfTheSameValue() {
        assertThat(Totp.code(RFC_KEY_BASE32, Instant.ofEpochSecond(59))).isEqualTo("287082");
        assertThat(Totp.code(RFC_KEY_BASE32, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
    }

    @Test
    void decodesBase32LikeAuthenticatorApps() {
        byte[] expected = {'H', 'e', 'l', 'l', 'o', '!', (byte) 0xDE, (byte) 0xAD, (byte) 0xBE, (byte) 0xEF};
        assertThat(Totp.base32Decode("JBSWY3DPEHPK3PXP")).isEqualTo(expected);
        assertThat(Totp.base32Decode("jbsw y3dp ehpk 3pxp")).isEqualTo(expected);
        assertThat(Totp.base32Decode(RFC_KEY_BASE32)).isEqualTo(RFC_KEY);
        assertThatThrownBy(() -> Totp.base32Decode("JBSW1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void codeChangesEveryThirtySeconds() {
        String secret = SandboxAccounts.TOTP_SECRET;
        Instant t = Instant.ofEpochSecond(1_700_000_010L);
        assertThat(Totp.code(secret, t)).hasSize(6).containsOnlyDigits();
        assertThat(Totp.code(secret, t.plusSeconds(5))).isEqualTo(Totp.code(secret, t));
        assertThat(Totp.code(secret, t.plusSeconds(30))).isNotEqualTo(Totp.code(secret, t));
    }

    @Test
    void verifyAcceptsOneStepEitherSideOnly() {
        String secret = SandboxAccounts.TOTP_SECRET;
        Instant t = Instant.ofEpochSecond(1_700_000_010L);
        String code = Totp.code(secret, t);
        assertThat(Totp.verify(secret, code, t, 1)).isTrue();
        assertThat(Totp.verify(secret, code, t.plusSeconds(30), 1)).isTrue();
        assertThat(Totp.verify(secret, code, t.minusSeconds(30), 1)).isTrue();
        assertThat(Totp.verify(secret, code, t.plusSeconds(90), 1)).isFalse();
        assertThat(Totp.verify(secret, "000000".equals(code) ? "111111" : "000000", t, 1)).isFalse();
    }
}
