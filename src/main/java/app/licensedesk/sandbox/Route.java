package app.licensedesk.sandbox;

/** One method + path of the contract; a path ending in "/" takes the next segment as its parameter. */
record Route(String method, String path, Handler handler) {

    /** The code behind a route. */
    interface Handler {
        Response handle(Request request);
    }

    private boolean hasParam() {
        return path.endsWith("/");
    }

    /** The raw parameter segment ("" for routes without one) when the raw path matches, else null. */
    String match(String rawPath) {
        if (!hasParam()) {
            return rawPath.equals(path) ? "" : null;
        }
        if (!rawPath.startsWith(path)) {
            return null;
        }
        String segment = rawPath.substring(path.length());
        return segment.isEmpty() || segment.contains("/") ? null : segment;
    }
}
