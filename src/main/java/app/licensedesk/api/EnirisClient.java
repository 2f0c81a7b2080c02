package app.licensedesk.api;

import app.licensedesk.model.Claim;
import app.licensedesk.model.ErrorKind;
import app.licensedesk.model.Controller;
import app.licensedesk.model.Customer;
import app.licensedesk.model.License;
import app.licensedesk.model.License.Field;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import retrofit2.Response;

/**
 * The calls of the api host (companies, devices, licenses), returning model records. Blocking; every failure is
 * an {@link ApiException}. The access token is handled underneath by the session.
 */
public final class EnirisClient {

    /** As many companies as a large estate has: the warm-up sorts them as the company list is sorted. */
    private static final int MADE_UP_COMPANIES = 500;
    private static final int MADE_UP_LICENSES = 50;
    /** Mixed case and accents, as real names have: the collator takes other paths for them. */
    private static final List<String> MADE_UP_NAMES = List.of("Bäckerei", "énergie", "Zonnepark", "solar", "Ørsted",
            "Groß", "Ålesund", "citadel");
    private static final String MADE_UP_LICENSE = """
            {"id":"%s","key":"WARM-%d","gridKw":%d,"solarKw":null,"batteryKw":10,"evKw":null,\
            "creationDate":"2025-01-01T08:00:00Z","activationDate":"2025-02-01T09:00:00.250+01:00","duration":12,\
            "deactivationDate":null,"type":"residential","datalinks":["%s"]}""";

    private final EnirisApi api;
    private final ApiErrors errors;

    EnirisClient(EnirisApi api, ApiErrors errors) {
        this.api = api;
        this.errors = errors;
    }

    /** {@code GET /v1/company}: the companies linked to the user, in the server's order. */
    public List<Customer> companies() {
        return WireMapping.customers(errors.body(api.companies()));
    }

    /**
     * {@code POST /v1/device/query} with {@code filter.companyId = [customer.id]} and {@code filter.nodeType}: the
     * controllers of one company.
     *
     * @param skipHash the hash of an earlier answer, or null
     * @return empty when the server answered 204 (nothing changed since {@code skipHash})
     */
    public Optional<List<Controller>> controllers(Customer customer, List<String> nodeTypes, String skipHash) {
        Wire.DeviceQuery query = new Wire.DeviceQuery(
                new Wire.DeviceFilter(List.of(customer.id()), List.copyOf(nodeTypes), null, null), null, skipHash);
        Response<Wire.DeviceList> response = errors.execute(api.queryDevices(query));
        if (response.code() == 204) {
            return Optional.empty();
        }
        if (response.body() == null) {
            throw new ApiException(ErrorKind.UNREADABLE, "The device answer has no content", null);
        }
        return Optional.of(WireMapping.controllers(response.body(), customer, nodeTypes));
    }

    /** {@code GET /v1/license/customer/{customerId}?includeDatalinks=..}. */
    public List<License> licensesOfCustomer(String customerUuid, boolean includeDatalinks) {
        return WireMapping.licenses(errors.body(api.licensesOfCustomer(requirePathValue(customerUuid, "customer"),
                includeDatalinks)));
    }

    /** {@code GET /v1/license/controller/{nodeId}}, the nodeId percent-encoded. */
    public List<License> licensesOfController(String nodeId) {
        return WireMapping.licenses(errors.body(api.licensesOfController(requirePathValue(nodeId, "nodeId"))));
    }

    /**
     * {@code POST /v1/license/activate}: now when {@code at} is null, else at that instant.
     *
     * @return the license as the server describes it after activation
     * @throws ApiException VALIDATION also when the server answers {@code success: false} (or neither success nor
     *                      license)
     */
    public License activate(String key, Instant at) {
        Wire.ActivateRequest request = new Wire.ActivateRequest(key, at == null ? null : Json.format(at));
        Wire.ActivateResult result = errors.body(api.activate(request));
        if (Boolean.FALSE.equals(result.success()) || result.success() == null && result.license() == null) {
            throw new ApiException(ErrorKind.VALIDATION, "The server did not activate the license", null);
        }
        if (result.license() == null) {
            // Success without the license: what we know is the key, and the activation date when we chose it.
            return new License(null, key, null, null, null, null, null, at, null, null, null, List.of(),
                    at == null ? EnumSet.of(Field.KEY) : EnumSet.of(Field.KEY, Field.ACTIVATION_DATE));
        }
        return WireMapping.license(result.license());
    }

    /**
     * {@code POST /v1/license/claim}: links the license to the controller.
     *
     * @throws ApiException VALIDATION also when the server answers {@code success: false}
     */
    public Claim claim(String licenseKey, String nodeId) {
        Wire.ClaimResult result = errors.body(api.claim(new Wire.ClaimRequest(licenseKey, nodeId)));
        if (Boolean.FALSE.equals(result.success()) || result.success() == null && result.license() == null) {
            throw new ApiException(ErrorKind.VALIDATION, "The server did not claim the license", null);
        }
        Wire.ClaimedLicense l = result.license();
        return l == null ? new Claim(null, licenseKey, nodeId)
                : new Claim(l.id(), l.key() == null ? licenseKey : l.key(),
                l.nodeId() == null ? nodeId : l.nodeId());
    }

    /**
     * Reads a made-up company list and license list with the converters and the mapping of real answers, sending
     * nothing, and returns the made-up customers (in the list's order). For the warm-up after sign-in: a fresh JVM
     * has then loaded and run this code before the first real answer comes.
     */
    public List<Customer> readMadeUpAnswers() {
        StringBuilder companies = new StringBuilder("{\"company\":[");
        for (int i = 1; i <= MADE_UP_COMPANIES; i++) {
            companies.append(i == 1 ? "" : ",").append("{\"id\":").append(i).append(",\"uuid\":\"")
                    .append(new UUID(i, i)).append("\",\"name\":\"")
                    .append(MADE_UP_NAMES.get(i % MADE_UP_NAMES.size())).append(' ')
                    .append(i * 7919 % MADE_UP_COMPANIES).append("\"}");
        }
        StringBuilder licenses = new StringBuilder("{\"licenses\":[");
        for (int i = 1; i <= MADE_UP_LICENSES; i++) {
            licenses.append(i == 1 ? "" : ",").append(MADE_UP_LICENSE.formatted(new UUID(0, i), i, i, new UUID(i, 0)));
        }
        try {
            WireMapping.licenses(JsonConverterFactory.read(licenses.append("]}").toString(), Wire.LicenseList.class));
            return WireMapping.customers(JsonConverterFactory.read(companies.append("]}").toString(),
                    Wire.CompanyList.class));
        } catch (IOException e) {
            throw new UncheckedIOException("A made-up answer is not readable", e);
        }
    }

    /** An empty value would silently call another path; "." and ".." cannot be sent as a path segment. */
    private static String requirePathValue(String value, String what) {
        if (value == null || value.isEmpty() || value.equals(".") || value.equals("..")) {
            throw new ApiException(ErrorKind.VALIDATION, "Invalid " + what + ": '" + value + "'", null);
        }
        return value;
    }
}
