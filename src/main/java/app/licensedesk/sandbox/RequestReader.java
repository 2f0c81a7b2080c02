package app.licensedesk.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one HTTP/1.1 request off a connection for {@link WireServer}: the request line, the headers and the body
 * (by length or chunked), within size bounds; anything it cannot read is {@link Refused} with the contract's error
 * body rather than dropped.
 */
final class RequestReader {

    static final int MAX_BODY_BYTES = WireServer.MAX_BODY_BYTES;
    private static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final int MAX_HEADERS = 100;

    /** A request that cannot be served; answered with the error body, then the connection closes. */
    static final class Refused extends Exception {
        final ApiError error;

        Refused(int status, String message) {
            super(message, null, false, false);
            this.error = new ApiError(status, message);
        }
    }

    private RequestReader() {
    }

    static WireServer.WireRequest read(InputStream in, OutputStream out) throws IOException, Refused {
        int[] budget = {MAX_HEADER_BYTES};
        String line = readLine(in, budget);
        String[] parts = line.split(" ", -1);
        if (parts.length != 3 || parts[0].isEmpty() || !parts[0].chars().allMatch(RequestReader::isTokenChar)
                || !parts[2].startsWith("HTTP/1.")) {
            throw new Refused(400, "Malformed request line");
        }
        String method = parts[0];
        String target = originForm(parts[1]);
        Map<String, String> headers = new HashMap<>();
        int count = 0;
        for (String h = readLine(in, budget); !h.isEmpty(); h = readLine(in, budget)) {
            int colon = h.indexOf(':');
            if (++count > MAX_HEADERS || colon <= 0
                    || !h.substring(0, colon).chars().allMatch(RequestReader::isTokenChar)) {
                throw new Refused(400, "Malformed request header");
            }
            String name = h.substring(0, colon).toLowerCase(Locale.ROOT);
            String value = h.substring(colon + 1).strip();
            String earlier = headers.putIfAbsent(name, value);
            if (earlier != null && name.equals("content-length") && !earlier.equals(value)) {
                throw new Refused(400, "Conflicting Content-Length headers");
            }
        }
        byte[] body = readBody(in, out, headers);
        return new WireServer.WireRequest(method, target, Map.copyOf(headers), body, parts[2].equals("HTTP/1.0"));
    }

    /** The path and query of the target; an absolute URL (as sent to proxies) loses its scheme and host. */
    private static String originForm(String target) throws Refused {
        String t = target;
        int scheme = t.indexOf("://");
        if (scheme > 0 && (t.startsWith("http://") || t.startsWith("https://"))) {
            int slash = t.indexOf('/', scheme + 3);
            t = slash < 0 ? "/" : t.substring(slash);
        }
        if (!t.startsWith("/") || t.chars().anyMatch(c -> c <= ' ' || c >= 127)) {
            throw new Refused(400, "Malformed request target");
        }
        int hash = t.indexOf('#');
        return hash < 0 ? t : t.substring(0, hash);
    }

    private static byte[] readBody(InputStream in, OutputStream out, Map<String, String> headers)
            throws IOException, Refused {
        String encoding = headers.get("transfer-encoding");
        String length = headers.get("content-length");
        if (encoding != null) {
            if (length != null || !encoding.equalsIgnoreCase("chunked")) {
                throw new Refused(400, "Unsupported Transfer-Encoding");
            }
            continueIfExpected(out, headers);
            return readChunked(in);
        }
        if (length == null) {
            return new byte[0];
        }
        if (length.isEmpty() || length.length() > 12 || !length.chars().allMatch(Character::isDigit)) {
            throw new Refused(400, "Malformed Content-Length");
        }
        long n = Long.parseLong(length);
        if (n > MAX_BODY_BYTES) {
            throw new Refused(400, "The body is too large");
        }
        if (n > 0) {
            continueIfExpected(out, headers);
        }
        byte[] body = in.readNBytes((int) n);
        if (body.length < n) {
            throw new Refused(400, "The body ended early");
        }
        return body;
    }

    private static void continueIfExpected(OutputStream out, Map<String, String> headers) throws IOException {
        if ("100-continue".equalsIgnoreCase(headers.get("expect"))) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
    }

    private static byte[] readChunked(InputStream in) throws IOException, Refused {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int[] budget = {MAX_HEADER_BYTES};
        while (true) {
            String sizeLine = readLine(in, budget);
            int semicolon = sizeLine.indexOf(';');
            String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip();
            int size;
            try {
                size = Integer.parseInt(hex, 16);
            } catch (NumberFormatException e) {
                throw new Refused(400, "Malformed chunk size");
            }
            if (size < 0 || body.size() + (long) size > MAX_BODY_BYTES) {
                throw new Refused(400, "The body is too large");
            }
            if (size == 0) {
                // Trailers, if any, end with an empty line.
                while (!readLine(in, budget).isEmpty()) {
                    continue;
                }
                return body.toByteArray();
            }
            byte[] chunk = in.readNBytes(size);
            if (chunk.length < size || !readLine(in, budget).isEmpty()) {
                throw new Refused(400, "Malformed chunk");
            }
            body.write(chunk);
        }
    }

    /** One line without its CRLF (a bare LF also ends it), as ISO-8859-1; the budget bounds all lines. */
    private static String readLine(InputStream in, int[] budget) throws IOException, Refused {
        StringBuilder sb = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new Refused(400, "The request ended early");
            }
            if (--budget[0] < 0) {
                throw new Refused(400, "The request headers are too large");
            }
            if (b == '\n') {
                int end = sb.length();
                return end > 0 && sb.charAt(end - 1) == '\r' ? sb.substring(0, end - 1) : sb.toString();
            }
            sb.append((char) b);
        }
    }

    private static boolean isTokenChar(int c) {
        return c > ' ' && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
    }
}
