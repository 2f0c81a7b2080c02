package app.licensedesk.sandbox;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox's own small HTTP/1.1 server on a loopback socket. It replaces the JDK's com.sun.net.httpserver,
 * which answers a malformed request target (a bad {@code %} escape) with its own HTML page before any handler
 * sees it, and reads request headers and bodies on its worker threads without a deadline, so a few slow
 * clients could hold every thread. Here every answer, even to a request that cannot be parsed, is the
 * contract's JSON error body; a request must arrive whole within {@link #REQUEST_DEADLINE_MILLIS} of its first
 * byte; and each connection has its own thread, up to {@link #MAX_CONNECTIONS}.
 */
final class WireServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WireServer.class);

    /** Connections served at once; past this a new connection gets a 503 and is closed. */
    static final int MAX_CONNECTIONS = 256;
    /** From the first byte of a request (or from accepting the connection) to its last byte. */
    static final int REQUEST_DEADLINE_MILLIS = 5_000;
    /** How long a kept-alive connection may wait for its next request. */
    static final int IDLE_MILLIS = 30_000;
    static final int MAX_BODY_BYTES = 1 << 20;

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

    /** A request as it came off the wire: the target is raw (still percent-encoded), header names lower case. */
    record WireRequest(String method, String target, Map<String, String> headers, byte[] body, boolean http10) {

        String header(String lowerCaseName) {
            return headers.get(lowerCaseName);
        }
    }

    /** What answers the requests; a response that {@link Response#drops()} closes the connection unanswered. */
    interface Handler {
        Response handle(WireRequest request);
    }


    private final ServerSocket listener;
    private final Handler handler;
    private final ThreadPoolExecutor workers;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private WireServer(ServerSocket listener, Handler handler) {
        this.listener = listener;
        this.handler = handler;
        this.workers = new ThreadPoolExecutor(0, MAX_CONNECTIONS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                daemonThreads("sandbox-http-"));
    }

    static WireServer start(InetAddress address, int port, Handler handler) throws IOException {
        ServerSocket listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(address, port), 128);
        WireServer server = new WireServer(listener, handler);
        Thread acceptor = new Thread(server::acceptLoop, "sandbox-accept-" + server.port());
        acceptor.setDaemon(true);
        acceptor.start();
        return server;
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread t = new Thread(runnable, prefix + count.incrementAndGet());
            // Daemon threads: a stalled request must never keep the JVM alive.
            t.setDaemon(true);
            return t;
        };
    }

    int port() {
        return listener.getLocalPort();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("Sandbox stopped accepting connections", e);
                }
                return;
            }
            open.add(socket);
            if (closed) {
                closeQuietly(socket);
                return;
            }
            try {
                workers.execute(() -> serve(socket));
            } catch (RejectedExecutionException e) {
                refuseBusy(socket);
            }
        }
    }

    private void refuseBusy(Socket socket) {
        try {
            socket.setSoTimeout(1000);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            write(out, new ApiError(503, "Too many connections to the sandbox").toResponse(), true, false);
        } catch (IOException e) {
            LOG.debug("Could not refuse a connection: {}", e.toString());
        } finally {
            closeQuietly(socket);
            open.remove(socket);
        }
    }

    private void serve(Socket socket) {
        try {
            socket.setTcpNoDelay(true);
            DeadlineInput raw = new DeadlineInput(socket);
            InputStream in = new BufferedInputStream(raw);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            boolean first = true;
            while (!closed) {
                // A new connection must start its request soon; a kept-alive one may idle longer.
                raw.deadlineIn(first ? REQUEST_DEADLINE_MILLIS : IDLE_MILLIS);
                in.mark(1);
                if (in.read() < 0) {
                    return;
                }
                in.reset();
                raw.deadlineIn(REQUEST_DEADLINE_MILLIS);
                first = false;
                WireRequest request;
                try {
                    request = RequestReader.read(in, out);
                } catch (RequestReader.Refused e) {
                    LOG.debug("Refused a request: {}", e.getMessage());
                    write(out, e.error.toResponse(), true, false);
                    return;
                } catch (SocketTimeoutException e) {
                    write(out, new ApiError(408, "The request did not arrive in time").toResponse(), true, false);
                    return;
                }
                Response response = handler.handle(request);
                if (response.drops() || closed) {
                    return;
                }
                boolean close = wantsClose(request);
                write(out, response, close, request.method().equals("HEAD"));
                if (close) {
                    return;
                }
            }
        } catch (SocketTimeoutException e) {
            LOG.debug("Closed an idle connection");
        } catch (IOException e) {
            LOG.debug("A connection ended: {}", e.toString());
        } finally {
            closeQuietly(socket);
            open.remove(socket);
        }
    }

    private static boolean wantsClose(WireRequest request) {
        String connection = request.header("connection");
        // HTTP/1.0 keep-alive is not worth supporting: close after the answer.
        return request.http10() || "close".equalsIgnoreCase(connection);
    }

    private static void write(OutputStream out, Response response, boolean close, boolean head) throws IOException {
        StringBuilder h = new StringBuilder(256);
        h.append("HTTP/1.1 ").append(response.status()).append(' ').append(reason(response.status())).append("\r\n");
        h.append("Date: ").append(HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC))).append("\r\n");
        if (response.contentType() != null) {
            h.append("Content-Type: ").append(response.contentType()).append("\r\n");
        }
        response.headers().forEach((name, value) -> h.append(name).append(": ").append(value).append("\r\n"));
        boolean noBody = response.status() == 204 || response.status() == 304;
        if (!noBody) {
            h.append("Content-Length: ").append(response.body().length).append("\r\n");
        }
        if (close) {
            h.append("Connection: close\r\n");
        }
        h.append("\r\n");
        out.write(h.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (!noBody && !head) {
            out.write(response.body());
        }
        out.flush();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 204 -> "No Content";
            case 408 -> "Request Timeout";
            default -> ApiError.reason(status);
        };
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.trace("close", e);
        }
    }

    /** Stops accepting, closes every connection (which ends their reads and writes) and the worker threads. */
    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            LOG.trace("close", e);
        }
        open.forEach(WireServer::closeQuietly);
        workers.shutdownNow();
    }

    /** The socket's input with one deadline for everything read until the next {@link #deadlineIn}. */
    private static final class DeadlineInput extends InputStream {
        private final Socket socket;
        private final InputStream in;
        private long deadlineNanos;

        DeadlineInput(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
        }

        void deadlineIn(int millis) {
            deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        }

        private void arm() throws IOException {
            long left = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
            if (left <= 0) {
                throw new SocketTimeoutException("deadline passed");
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
        }

        @Override
        public int read() throws IOException {
            arm();
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            arm();
            return in.read(b, off, len);
        }
    }
}
