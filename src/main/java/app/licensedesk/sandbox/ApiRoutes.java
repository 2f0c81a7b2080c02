package app.licensedesk.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** The api host's /v1 paths: companies, the device query and the four license endpoints. */
final class ApiRoutes {

    private static final Set<String> QUERY_FIELDS = Set.of("filter", "fields", "skipHash");
    private static final Set<String> FILTER_FIELDS = Set.of("companyId", "nodeType", "nodeId", "isActive");
    private static final Set<String> ACTIVATE_FIELDS = Set.of("key", "activationIso");
    private static final Set<String> CLAIM_FIELDS = Set.of("licenseKey", "nodeId");
    /** Decision: activation instants outside these years (UTC) are typing mistakes, refused with 400. */
    static final int MIN_ACTIVATION_YEAR = 2000;
    static final int MAX_ACTIVATION_YEAR = 2100;
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final Estate estate;
    private final Tokens tokens;
    private final Clock clock;

    ApiRoutes(Estate estate, Tokens tokens, Clock clock) {
        this.estate = estate;
        this.tokens = tokens;
        this.clock = clock;
    }

    List<Route> routes() {
        return List.of(
                new Route("GET", "/v1/company", this::companies),
                new Route("POST", "/v1/device/query", this::queryDevices),
                new Route("POST", "/v1/license/activate", this::activate),
                new Route("POST", "/v1/license/claim", this::claim),
                new Route("GET", "/v1/license/controller/", this::controllerLicenses),
                new Route("GET", "/v1/license/customer/", this::customerLicenses));
    }

    private Account caller(Request request) {
        Tokens.Claims claims = tokens.check(request.bearer(), Tokens.Type.ACCESS);
        if (claims == null) {
            throw ApiError.unauthorized(request.bearer() == null ? "Missing bearer access token"
                    : "Invalid or expired access token");
        }
        return Account.byId(claims.userId());
    }

    private Response companies(Request request) {
        JsonArray list = new JsonArray();
        for (Estate.Company c : estate.companiesFor(caller(request))) {
            JsonObject o = new JsonObject();
            o.addProperty("id", c.id());
            if (c.uuid() != null) {
                o.addProperty("uuid", c.uuid().toString());
            }
            o.addProperty("name", c.name());
            list.add(o);
        }
        JsonObject out = new JsonObject();
        out.add("company", list);
        return Response.json(200, out);
    }

    private Response queryDevices(Request request) {
        Account who = caller(request);
        JsonObject body = request.jsonObjectOrEmpty();
        Json.rejectUnknown(body, QUERY_FIELDS);
        JsonObject filter = Json.optionalObject(body, "filter");
        if (filter == null) {
            filter = new JsonObject();
        }
        Json.rejectUnknown(filter, FILTER_FIELDS);
        List<Integer> companyIds = Json.optionalInts(filter, "companyId");
        List<String> nodeTypes = Json.optionalStrings(filter, "nodeType");
        List<String> nodeIds = Json.optionalStrings(filter, "nodeId");
        Boolean active = Json.optionalBoolean(filter, "isActive");
        List<String> fields = Json.optionalStrings(body, "fields");
        String skipHash = Json.optionalString(body, "skipHash");

        JsonArray devices = new JsonArray();
        for (Estate.Device d : estate.devicesFor(who, companyIds, nodeIds)) {
            if ((nodeTypes == null || nodeTypes.contains(d.nodeType())) && (active == null || active == d.active())) {
                devices.add(deviceJson(d, who, fields));
            }
        }
        String hash = sha256(Json.GSON.toJson(devices));
        // Decision: the hash travels in an X-Hash header and a top-level "hash" field, so a client can send it
        // back as skipHash and get 204 while nothing changed.
        if (hash.equals(skipHash)) {
            return Response.noContent().withHeader("X-Hash", hash);
        }
        JsonObject out = new JsonObject();
        out.add("device", devices);
        out.addProperty("hash", hash);
        return Response.json(200, out).withHeader("X-Hash", hash);
    }

    private static JsonObject deviceJson(Estate.Device d, Account who, List<String> fields) {
        JsonObject all = new JsonObject();
        all.addProperty("nodeId", d.nodeId());
        all.addProperty("nodeType", d.nodeType());
        if (d.name() != null) {
            all.addProperty("name", d.name());
        }
        if (d.label() != null) {
            all.addProperty("label", d.label());
        }
        JsonArray links = new JsonArray();
        if (d.isController()) {
            d.childNodeIds().forEach(links::add);
            all.add("nodeChildrenIds", links);
        } else {
            links.add(d.parentNodeId());
            all.add("nodeParentsIds", links);
        }
        JsonObject properties = all;
        if (fields != null) {
            properties = new JsonObject();
            for (String name : all.keySet()) {
                if (name.equals("nodeId") || fields.contains(name)) {
                    properties.add(name, all.get(name));
                }
            }
        }
        JsonObject editabilities = new JsonObject();
        if (who.seesAllCompanies()) {
            editabilities.addProperty("name", true);
            editabilities.addProperty("label", true);
        }
        JsonObject rights = new JsonObject();
        rights.addProperty("monitorManagement", who.seesAllCompanies());
        rights.add("propertyEditabilities", editabilities);
        JsonObject device = new JsonObject();
        device.addProperty("id", d.id());
        device.add("lastUpdate", Json.date(d.lastUpdate()));
        device.add("properties", properties);
        device.add("userRights", rights);
        return device;
    }

    private Response activate(Request request) {
        Account who = caller(request);
        JsonObject body = request.jsonObject();
        Json.rejectUnknown(body, ACTIVATE_FIELDS);
        String key = Json.string(body, "key", 1, 50);
        String iso = Json.optionalString(body, "activationIso");
        Instant at = (iso == null ? clock.instant() : Json.parseDateTime(iso, "activationIso"))
                .truncatedTo(ChronoUnit.MILLIS);
        int year = at.atOffset(ZoneOffset.UTC).getYear();
        if (iso != null && (year < MIN_ACTIVATION_YEAR || year > MAX_ACTIVATION_YEAR)) {
            throw ApiError.badRequest("activationIso must lie in the years " + MIN_ACTIVATION_YEAR + " to "
                    + MAX_ACTIVATION_YEAR + " (UTC)");
        }
        Estate.License license = estate.activate(key, who, at);
        JsonObject out = new JsonObject();
        out.addProperty("success", true);
        out.add("license", licenseJson(license, false));
        return Response.json(200, out);
    }

    private Response claim(Request request) {
        Account who = caller(request);
        JsonObject body = request.jsonObject();
        Json.rejectUnknown(body, CLAIM_FIELDS);
        String key = Json.string(body, "licenseKey", 1, 50);
        String nodeId = Json.string(body, "nodeId", 1, Integer.MAX_VALUE);
        Estate.License license = estate.claim(key, nodeId, who);
        JsonObject brief = new JsonObject();
        brief.addProperty("id", license.id().toString());
        brief.addProperty("key", license.key());
        brief.addProperty("nodeId", license.nodeId());
        JsonObject out = new JsonObject();
        out.addProperty("success", true);
        out.add("license", brief);
        return Response.json(200, out);
    }

    private Response controllerLicenses(Request request) {
        Account who = caller(request);
        String nodeId = request.param();
        if (estate.controllerFor(nodeId, who) == null) {
            throw ApiError.notFound("Controller " + nodeId + " not found");
        }
        return licenses(estate.licensesClaimedBy(nodeId), false);
    }

    private Response customerLicenses(Request request) {
        Account who = caller(request);
        String customerId = request.param();
        if (!UUID_TEXT.matcher(customerId).matches()) {
            throw ApiError.badRequest("customerId must be a UUID");
        }
        String include = request.query("includeDatalinks");
        if (include != null && !include.equalsIgnoreCase("true") && !include.equalsIgnoreCase("false")) {
            throw ApiError.badRequest("includeDatalinks must be true or false");
        }
        Estate.Company company = estate.companyByUuid(UUID.fromString(customerId));
        if (company == null) {
            throw ApiError.notFound("Customer " + customerId + " not found");
        }
        if (!estate.visible(company.id(), who)) {
            throw ApiError.forbidden("You do not have access to customer " + customerId);
        }
        return licenses(estate.licensesOf(company.id()), "true".equalsIgnoreCase(include));
    }

    private static Response licenses(List<Estate.License> licenses, boolean withDatalinks) {
        JsonArray list = new JsonArray();
        licenses.forEach(l -> list.add(licenseJson(l, withDatalinks)));
        JsonObject out = new JsonObject();
        out.add("licenses", list);
        return Response.json(200, out);
    }

    /** The License object of the contract; null fields are written as null, not left out. */
    static JsonObject licenseJson(Estate.License l, boolean withDatalinks) {
        JsonObject o = new JsonObject();
        o.addProperty("id", l.id().toString());
        o.addProperty("key", l.key());
        o.addProperty("gridKw", l.gridKw());
        o.addProperty("solarKw", l.solarKw());
        o.addProperty("batteryKw", l.batteryKw());
        o.addProperty("evKw", l.evKw());
        o.add("creationDate", Json.date(l.creationDate()));
        o.add("activationDate", Json.date(l.activationDate()));
        o.addProperty("duration", l.duration());
        o.add("deactivationDate", Json.date(l.deactivationDate()));
        o.addProperty("type", l.type());
        if (withDatalinks) {
            JsonArray datalinks = new JsonArray();
            if (l.datalink() != null) {
                datalinks.add(l.datalink().toString());
            }
            o.add("datalinks", datalinks);
        }
        return o;
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
