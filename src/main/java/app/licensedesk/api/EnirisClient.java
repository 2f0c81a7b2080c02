package app.licensedesk.api;

import app.licensedesk.model.Claim;
import app.licensedesk.model.ErrorKind;
import app.licensedesk.model.Controller;
import app.licensedesk.model.Customer;
import app.licensedesk.model.License;
import app.licensedesk.model.License.Field;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import retrofit2.Response;

/**
 * The calls of the api host (companies, devices, licenses), returning model records. Blocking; every failure is
 * an {@link ApiException}. The access token is handled underneath by the session.
 */
public final class EnirisClient {

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

    /** An empty value would silently call another path; "." and ".." cannot be sent as a path segment. */
    private static String requirePathValue(String value, String what) {
        if (value == null || value.isEmpty() || value.equals(".") || value.equals("..")) {
            throw new ApiException(ErrorKind.VALIDATION, "Invalid " + what + ": '" + value + "'", null);
        }
        return value;
    }
}
