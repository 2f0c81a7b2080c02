package app.licensedesk.api;

import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The JSON shapes of the Eniris API, field for field as the contract names them. Every field may be missing or
 * null. They never leave this package: {@link WireMapping} turns them into model records.
 */
final class Wire {

    private Wire() {
    }

    // --- authentication host -----------------------------------------------------------------------------------

    record RefreshTokenValidation(Long userId) {
    }

    /** The answer of the three 2FA {@code authenticate} calls. */
    record TwoFactorTokens(String accessToken, String refreshToken, String sudoToken) {
        @Override
        public String toString() {
            return "TwoFactorTokens[redacted]";
        }
    }

    record TotpRequest(String totp) {
    }

    record OtpRequest(String otp) {
    }

    record RecoveryCodeRequest(String recoveryCode) {
    }

    /** The {@code {}} body of the e-mail challenge. */
    record EmptyRequest() {
    }

    /** The documented error body, read leniently by {@link ApiErrors}; partialToken is the 2FA decision (a). */
    record ErrorBody(Integer statusCode, String error, String message, Double retryAfter, String partialToken) {
        @Override
        public String toString() {
            return "ErrorBody[statusCode=" + statusCode + ", error=" + error + ", retryAfter=" + retryAfter + "]";
        }
    }

    // --- api host ----------------------------------------------------------------------------------------------

    record Company(Long id, String uuid, String name) {
    }

    record CompanyList(List<Company> company) {
    }

    record DeviceQuery(DeviceFilter filter, List<String> fields, String skipHash) {
    }

    record DeviceFilter(List<Long> companyId, List<String> nodeType, List<String> nodeId, Boolean isActive) {
    }

    /** A device; {@code lastUpdate} stays text because the documented example holds no date there. */
    record Device(Long id, String lastUpdate, JsonObject properties, JsonObject userRights) {
    }

    record DeviceList(List<Device> device) {
    }

    /**
     * {@code present} is not read from the JSON: {@link Json} fills in the names the object had, because an absent
     * field ("not said") and a null one ("none") mean different things.
     */
    record License(String id, String key, Integer gridKw, Integer solarKw, Integer batteryKw, Integer evKw,
                   Instant creationDate, Instant activationDate, Integer duration, Instant deactivationDate,
                   String type, List<String> datalinks, Set<String> present) {

        License withPresent(Set<String> names) {
            return new License(id, key, gridKw, solarKw, batteryKw, evKw, creationDate, activationDate, duration,
                    deactivationDate, type, datalinks, Set.copyOf(names));
        }
    }

    record LicenseList(List<License> licenses) {
    }

    /** {@code activationIso} is left out of the JSON when null: the server rejects unknown and null fields. */
    record ActivateRequest(String key, String activationIso) {
    }

    record ActivateResult(Boolean success, License license) {
    }

    record ClaimRequest(String licenseKey, String nodeId) {
    }

    record ClaimedLicense(String id, String key, String nodeId) {
    }

    record ClaimResult(Boolean success, ClaimedLicense license) {
    }
}
