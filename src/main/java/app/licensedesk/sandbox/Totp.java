package app.licensedesk.sandbox;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** RFC 6238 time-based one-time passwords (HMAC-SHA1, 30-second steps), as authenticator apps compute them. */
public final class Totp {

    static final int STEP_SECONDS = 30;
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Totp() {
    }

    /** The 6-digit code for a base32 secret at the given instant. */
    public static String code(String base32Secret, Instant at) {
        return code(base32Decode(base32Secret), at, 6);
    }

    /** The code for a raw key; the digit count is a parameter so the RFC's 8-digit test vectors can be checked. */
    static String code(byte[] key, Instant at, int digits) {
        return hotp(key, Math.floorDiv(at.getEpochSecond(), STEP_SECONDS), digits);
    }

    /** True when the code matches the step of {@code at} or one of the {@code window} steps around it. */
    static boolean verify(String base32Secret, String code, Instant at, int window) {
        byte[] key = base32Decode(base32Secret);
        long step = Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
        boolean match = false;
        for (long s = step - window; s <= step + window; s++) {
            // Compare every candidate in constant time so timing does not reveal which step matched.
            match |= MessageDigest.isEqual(hotp(key, s, 6).getBytes(StandardCharsets.US_ASCII),
                    code.getBytes(StandardCharsets.US_ASCII));
        }
        return match;
    }

    static String hotp(byte[] key, long counter, int digits) {
        byte[] hash;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            hash = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        long modulus = (long) Math.pow(10, digits);
        return String.format(Locale.ROOT, "%0" + digits + "d", binary % modulus);
    }

    /** RFC 4648 base32; case, spaces and padding are ignored as authenticator apps do. */
    static byte[] base32Decode(String text) {
        String clean = text.replace(" ", "").replace("=", "").toUpperCase(Locale.ROOT);
        ByteBuffer out = ByteBuffer.allocate(clean.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (char c : clean.toCharArray()) {
            int value = BASE32.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("not a base32 character: " + c);
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
                buffer &= (1 << bits) - 1;
            }
        }
        return out.array();
    }
}
