package app.licensedesk;

import app.licensedesk.model.Environment;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of {@code license-desk bulk}.
 *
 * @param kind     the environment
 * @param authUrl  for CUSTOM: the authentication URL
 * @param apiUrl   for CUSTOM: the api URL
 * @param username the account
 * @param totp     the authenticator code, or null
 * @param file     the rows
 * @param report   where to write the results, or null
 * @param journal  the journal, or null for the file's name + .journal
 * @param template where to write a template (then nothing else is done), or null
 * @param zone     the time zone of local activation times, or null for this computer's
 * @param help     print the usage and stop
 */
record BulkOptions(Environment.Kind kind, String authUrl, String apiUrl, String username, String totp, Path file,
                   Path report, Path journal, Path template, ZoneId zone, boolean help) {

    static final String USAGE = """
            Usage: license-desk bulk (--sandbox | --production | --auth-url URL --api-url URL) --username NAME
                                     --file rows.csv [--report results.csv] [--journal FILE] [--totp CODE]
                                     [--zone ZONE]
                   license-desk bulk --template FILE
                   license-desk bulk --help

            Claims license keys to controllers, and activates them, from a CSV file with one row per license.

            The file is UTF-8 (with or without BOM), comma or semicolon separated, with a header line naming:
              licenseKey     the license key (1-50 characters; spaces and line breaks in it are dropped)
              nodeId         the controller to claim it to
              activationIso  optional: when to activate it. Empty: claim only. now: activate now.
                             2026-12-01T14:00:00Z (an instant) or 2026-12-01 14:00 (a local time in --zone).
            --template FILE writes a header and an example row.

            Before anything is sent, every row is checked against the server: key format, empty nodeId, unknown
            controller, duplicate key, bad time (year 2000-2100). If any row is invalid, nothing is sent and each
            one is named with its line number. Rows already as asked are skipped; a license claimed to another
            controller is not sent (a conflict, reported as failed).

              --sandbox          start the local sandbox in this process (demo data, see the README)
              --production       Eniris production
              --auth-url URL     the authentication URL (with --api-url; https, or http to this computer only)
              --api-url URL      the api URL
              --username NAME    the account; the password comes from the environment variable
                                 LICENSE_DESK_PASSWORD, else it is asked for without echo
              --totp CODE        the authenticator code, for an account with two-step verification (else asked)
              --file FILE        the rows
              --report FILE      write the results: the input columns plus outcome, reason, claimedTo, activatedAt
              --journal FILE     where every request is recorded (default: the file's name + .journal). Running the
                                 same command again resumes a run that was stopped, and never sends a row twice.
              --zone ZONE        the time zone of local activation times (default: this computer's, {zone})

            Output: one line per row on stdout ("line 7 KEY -> NODE: done (claimed, activated ...)"), progress and
            problems on stderr. Exit status: 0 every row done or skipped; 1 a row failed or was not sent yet, or the
            sign-in or the network failed; 2 invalid options, file or rows (nothing was sent).
            """;

    static BulkOptions parse(String... args) {
        List<String> environment = new ArrayList<>();
        String username = null;
        String totp = null;
        Path file = null;
        Path report = null;
        Path journal = null;
        Path template = null;
        ZoneId zone = null;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help", "-h" -> help = true;
                case "--sandbox", "--production" -> environment.add(arg);
                case "--auth-url", "--api-url" -> {
                    environment.add(arg);
                    environment.add(value(args, ++i, arg));
                }
                case "--username" -> username = value(args, ++i, arg);
                case "--totp" -> totp = value(args, ++i, arg);
                case "--file" -> file = Path.of(value(args, ++i, arg));
                case "--report" -> report = Path.of(value(args, ++i, arg));
                case "--journal" -> journal = Path.of(value(args, ++i, arg));
                case "--template" -> template = Path.of(value(args, ++i, arg));
                case "--zone" -> {
                    String id = value(args, ++i, arg);
                    try {
                        zone = ZoneId.of(id);
                    } catch (DateTimeException e) {
                        throw new IllegalArgumentException("--zone " + id + ": not a time zone (e.g. Europe/Brussels)");
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        if (help || template != null) {
            return new BulkOptions(null, null, null, null, null, null, null, null, template, zone, help);
        }
        // the app's own rules for the environment options: plain http only to this computer
        AppOptions chosen = AppOptions.parse(environment.toArray(String[]::new));
        if (chosen.preselect() == null) {
            throw new IllegalArgumentException("choose --sandbox, --production or --auth-url URL --api-url URL");
        }
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("--username is required");
        }
        if (file == null) {
            throw new IllegalArgumentException("--file is required");
        }
        return new BulkOptions(chosen.preselect(), chosen.authUrl(), chosen.apiUrl(), username.strip(), totp, file,
                report, journal, null, zone, false);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }
}
