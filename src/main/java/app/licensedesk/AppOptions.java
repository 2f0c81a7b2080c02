package app.licensedesk;

import app.licensedesk.model.Environment;
import java.util.Arrays;
import java.util.List;

/**
 * The command line of the app: which environment the sign-in screen preselects, and the smoke test.
 *
 * @param preselect   the environment kind to preselect, or null to use the remembered choice
 * @param authUrl     for CUSTOM: the authentication base URL
 * @param apiUrl      for CUSTOM: the api base URL
 * @param smokeTest   start, show the sign-in window, say how long that took and exit (see {@link SmokeTest})
 */
record AppOptions(Environment.Kind preselect, String authUrl, String apiUrl, boolean smokeTest) {

    static final String USAGE = """
            Usage: license-desk [--sandbox | --production | --auth-url URL --api-url URL] [--smoke-test]
                   license-desk bulk (--sandbox | --production | --auth-url URL --api-url URL) --username NAME
                                     --file rows.csv [--report results.csv] ...
                   license-desk --sandbox-server [--port N] [--customers N] [--latency-ms N] [--fault-rate X] ...

              --sandbox          preselect the local sandbox (started in-process on a free port)
              --production       preselect Eniris production
              --auth-url URL     preselect Custom with this authentication URL (needs --api-url too)
              --api-url URL      preselect Custom with this api URL
              --smoke-test       show the sign-in window, print "ready in N ms" and exit (0, or 1 with the reason)
              --sandbox-server   run only the local sandbox server, without the app (see --sandbox-server --help)
              bulk               claim and activate licenses from a CSV file, without a window (see bulk --help)
            """;

    static AppOptions parse(String... args) {
        Environment.Kind kind = null;
        String auth = null;
        String api = null;
        boolean smokeTest = false;
        List<String> list = Arrays.asList(args);
        for (int i = 0; i < list.size(); i++) {
            String arg = list.get(i);
            switch (arg) {
                case "--sandbox" -> kind = Environment.Kind.SANDBOX;
                case "--production" -> kind = Environment.Kind.PRODUCTION;
                case "--smoke-test" -> smokeTest = true;
                case "--auth-url", "--api-url" -> {
                    if (i + 1 >= list.size()) {
                        throw new IllegalArgumentException(arg + " needs a URL");
                    }
                    String url = list.get(++i);
                    String problem = Environment.problemWith(url);
                    if (problem != null) {
                        throw new IllegalArgumentException(arg + " " + url + ": " + urlProblemText(problem));
                    }
                    if (arg.equals("--auth-url")) {
                        auth = url;
                    } else {
                        api = url;
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        if ((auth == null) != (api == null)) {
            throw new IllegalArgumentException("--auth-url and --api-url go together");
        }
        if (auth != null) {
            if (kind != null) {
                throw new IllegalArgumentException("choose either --sandbox, --production or the two URLs");
            }
            kind = Environment.Kind.CUSTOM;
        }
        return new AppOptions(kind, auth, api, smokeTest);
    }

    private static String urlProblemText(String problem) {
        return switch (problem) {
            case "https-required" -> "only HTTPS is allowed for hosts other than this machine";
            case "scheme" -> "must start with https:// (or http:// for localhost)";
            default -> "not a valid URL";
        };
    }
}
