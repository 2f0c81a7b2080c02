package app.licensedesk.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one handler of the server: adds latency, injects faults, finds the route and writes the answer. Every
 * error leaves here in the contract's error-body shape.
 */
final class Router implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    private final List<Route> routes;
    private final int latencyMs;
    private final Faults faults;
    private final CountDownLatch closing;

    Router(List<Route> routes, SandboxOptions options, CountDownLatch closing) {
        this.routes = List.copyOf(routes);
        this.latencyMs = options.latencyMs();
        this.faults = new Faults(options.faultRate(), options.seed());
        this.closing = closing;
    }

    @Override
    public void handle(HttpExchange exchange) {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        try {
            // Waiting on the closing latch instead of sleeping lets close() end latency and stalls at once.
            if (latencyMs > 0 && closing.await(latencyMs, TimeUnit.MILLISECONDS)) {
                return;
            }
            Faults.Kind fault = faults.next();
            if (fault != null) {
                LOG.debug("{} {} -> fault {}", method, path, fault);
                injectFault(exchange, fault);
                return;
            }
            Response response = respond(exchange);
            write(exchange, response);
            LOG.debug("{} {} -> {}", method, path, response.status());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.debug("{} {}: the client went away ({})", method, path, e.toString());
        } finally {
            exchange.close();
        }
    }

    private Response respond(HttpExchange exchange) {
        try {
            return dispatch(Request.read(exchange));
        } catch (ApiError e) {
            return e.toResponse();
        } catch (IOException e) {
            return ApiError.badRequest("Could not read the request body").toResponse();
        } catch (RuntimeException e) {
            LOG.error("Sandbox bug on {} {}", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), e);
            return new ApiError(500, "Internal sandbox error").toResponse();
        }
    }

    private Response dispatch(Request request) {
        boolean pathKnown = false;
        for (Route route : routes) {
            String param = route.match(request.path());
            if (param == null) {
                continue;
            }
            pathKnown = true;
            if (route.method().equals(request.method())) {
                return route.handler().handle(request.withParam(Request.decodeSegment(param)));
            }
        }
        String what = "Cannot " + request.method() + " " + request.path();
        throw pathKnown ? new ApiError(405, what) : ApiError.notFound(what);
    }

    private void injectFault(HttpExchange exchange, Faults.Kind fault) throws IOException, InterruptedException {
        switch (fault) {
            case UNAVAILABLE -> write(exchange,
                    new ApiError(503, "Sandbox fault: service temporarily unavailable").toResponse());
            case STALL -> closing.await(Faults.STALL_MILLIS, TimeUnit.MILLISECONDS);
            case DROP -> {
                // Closing before any response header makes the server drop the connection.
            }
            case PROXY_HTML -> write(exchange, Response.raw(502, "text/html", Faults.PROXY_PAGE));
            case TRUNCATED_JSON -> write(exchange, Response.raw(200, Response.JSON, Faults.TRUNCATED));
        }
    }

    private static void write(HttpExchange exchange, Response response) throws IOException {
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        if (response.contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
        }
        if (response.body().length == 0) {
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        exchange.sendResponseHeaders(response.status(), response.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(response.body());
        }
    }
}
