package app.licensedesk.sandbox;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one handler of the server: adds latency, injects faults, finds the route and returns the answer. Every
 * error leaves here in the contract's error-body shape.
 */
final class Router implements WireServer.Handler {

    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    private final List<Route> routes;
    private final int latencyMs;
    private final Faults faults;
    private final CountDownLatch closing;
    private final LongAdder requests = new LongAdder();

    Router(List<Route> routes, SandboxOptions options, CountDownLatch closing) {
        this.routes = List.copyOf(routes);
        this.latencyMs = options.latencyMs();
        this.faults = new Faults(options.faultRate(), options.applyThenDropRate(), options.seed());
        this.closing = closing;
    }

    @Override
    public Response handle(WireServer.WireRequest wire) {
        requests.increment();
        String method = wire.method();
        String path = wire.target();
        try {
            // Waiting on the closing latch instead of sleeping lets close() end latency and stalls at once.
            if (latencyMs > 0 && closing.await(latencyMs, TimeUnit.MILLISECONDS)) {
                return Response.drop();
            }
            Faults.Kind fault = faults.next(isChange(wire));
            if (fault != null) {
                LOG.debug("{} {} -> fault {}", method, path, fault);
                return injectFault(fault, wire);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Response.drop();
        }
        Response response = respond(wire);
        LOG.debug("{} {} -> {}", method, path, response.status());
        return response;
    }

    /** Requests handled so far (every one that arrived whole, faulted or not). */
    long requests() {
        return requests.sum();
    }

    /** The POSTs that change a license: the ones whose lost answer leaves the outcome unknown. */
    private static boolean isChange(WireServer.WireRequest wire) {
        String target = wire.target();
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        return wire.method().equals("POST")
                && (path.equals("/v1/license/claim") || path.equals("/v1/license/activate"));
    }

    private Response respond(WireServer.WireRequest wire) {
        try {
            return dispatch(Request.of(wire));
        } catch (ApiError e) {
            return e.toResponse();
        } catch (RuntimeException e) {
            LOG.error("Sandbox bug on {} {}", wire.method(), wire.target(), e);
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

    private Response injectFault(Faults.Kind fault, WireServer.WireRequest wire) throws InterruptedException {
        return switch (fault) {
            case UNAVAILABLE -> new ApiError(503, "Sandbox fault: service temporarily unavailable").toResponse();
            case STALL -> {
                closing.await(Faults.STALL_MILLIS, TimeUnit.MILLISECONDS);
                yield Response.drop();
            }
            case DROP -> Response.drop();
            case PROXY_HTML -> Response.raw(502, "text/html", Faults.PROXY_PAGE);
            case TRUNCATED_JSON -> Response.raw(200, Response.JSON, Faults.TRUNCATED);
            case APPLY_THEN_DROP -> {
                // The change is made (or refused) as usual; only the answer is lost.
                LOG.debug("{} {} -> {} unsent", wire.method(), wire.target(), respond(wire).status());
                yield Response.drop();
            }
        };
    }
}
