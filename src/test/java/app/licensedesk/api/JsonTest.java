package app.licensedesk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.licensedesk.api.testing.FixedToken;
import app.licensedesk.model.Customer;
import app.licensedesk.model.Environment;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void theWarmUpsMadeUpAnswersReadAsRealAnswersDoAndSendNothing() {
        // port 9 (discard): nothing listens there, so a request would fail the call
        try (EnirisConnection connection = new EnirisConnection(Environment.sandbox("http://127.0.0.1:9"),
                ClientSettings.defaults())) {
            List<Customer> customers = connection.enirisClient(new FixedToken("unused")).readMadeUpAnswers();
            assertThat(customers).hasSize(500).allSatisfy(c -> assertThat(c.hasLicenseView()).isTrue());
            assertThat(customers).extracting(Customer::id).doesNotHaveDuplicates();
            assertThat(customers).extracting(Customer::name).contains("Bäckerei 352", "Ørsted 176");
        }
    }

    @Test
    void parsesIsoDateTimesWithAnyOffsetAndPrecision() {
        assertThat(Json.parseDateTime("2019-08-24T14:15:22Z").toInstant())
                .isEqualTo(Instant.parse("2019-08-24T14:15:22Z"));
        assertThat(Json.parseDateTime("2024-02-01T00:00:00+01:00").toInstant())
                .isEqualTo(Instant.parse("2024-01-31T23:00:00Z"));
        assertThat(Json.parseDateTime("2024-01-15T09:30:00.250Z").toInstant())
                .isEqualTo(Instant.parse("2024-01-15T09:30:00.250Z"));
        assertThat(Json.parseDateTime("2024-03-01T12:00:00.123456789-05:00").toInstant())
                .isEqualTo(Instant.parse("2024-03-01T17:00:00.123456789Z"));
        assertThat(Json.parseDateTime(" 2024-03-01T12:00:00 ").getOffset()).isEqualTo(ZoneOffset.UTC);
        assertThatThrownBy(() -> Json.parseDateTime("string")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> Json.parseDateTime("2024-03-01")).isInstanceOf(DateTimeException.class);
    }

    @Test
    void readsAndWritesJavaTimeThroughGson() {
        record Dates(Instant at, OffsetDateTime local) {
        }
        Dates dates = Json.GSON.fromJson("{\"at\":\"2025-01-02T03:04:05+02:00\",\"local\":\"2025-01-02T03:04:05.5Z\"}",
                Dates.class);
        assertThat(dates.at()).isEqualTo(Instant.parse("2025-01-02T01:04:05Z"));
        assertThat(dates.local().toInstant()).isEqualTo(Instant.parse("2025-01-02T03:04:05.5Z"));
        assertThat(Json.GSON.toJson(new Dates(Instant.parse("2025-01-02T01:04:05Z"),
                OffsetDateTime.parse("2025-01-02T03:04:05+02:00"))))
                .isEqualTo("{\"at\":\"2025-01-02T01:04:05Z\",\"local\":\"2025-01-02T01:04:05Z\"}");
        assertThat(Json.GSON.fromJson("{\"at\":null}", Dates.class).at()).isNull();
    }

    @Test
    void aLicenseNotesTheNamesItCarriedNullsIncludedAndIgnoresTheRest() {
        Wire.License l = Json.GSON.fromJson("{\"id\":\"L1\",\"key\":\"K-1\",\"gridKw\":\"12\",\"solarKw\":null,"
                + "\"creationDate\":\"2025-01-02T03:04:05Z\",\"activationDate\":null,\"datalinks\":[\"n1\",null],"
                + "\"extra\":{\"a\":[1,2]},\"present\":[\"evKw\"],\"key\":\"K-2\"}", Wire.License.class);
        assertThat(l.id()).isEqualTo("L1");
        assertThat(l.key()).isEqualTo("K-2");
        assertThat(l.gridKw()).isEqualTo(12);
        assertThat(l.solarKw()).isNull();
        assertThat(l.creationDate()).isEqualTo(Instant.parse("2025-01-02T03:04:05Z"));
        assertThat(l.datalinks()).containsExactly("n1", null);
        assertThat(l.present()).containsExactlyInAnyOrder("id", "key", "gridKw", "solarKw", "creationDate",
                "activationDate", "datalinks", "extra");
        assertThat(Json.GSON.fromJson("null", Wire.License.class)).isNull();
        assertThat(Json.GSON.fromJson("{\"gridKw\":1.5,\"evKw\":2E1}", Wire.License.class))
                .extracting(Wire.License::gridKw, Wire.License::evKw).containsExactly(1, 20);
        assertThatThrownBy(() -> Json.GSON.fromJson("{\"gridKw\":\"1.5\"}", Wire.License.class))
                .isInstanceOf(com.google.gson.JsonSyntaxException.class);
        assertThatThrownBy(() -> Json.GSON.fromJson("{\"creationDate\":7}", Wire.License.class))
                .isInstanceOf(com.google.gson.JsonSyntaxException.class);
        assertThatThrownBy(() -> Json.GSON.fromJson("[1]", Wire.License.class))
                .isInstanceOf(com.google.gson.JsonSyntaxException.class);
    }

    @Test
    void requestBodiesHoldOnlyTheDocumentedFields() {
        assertThat(Json.GSON.toJson(new Wire.ActivateRequest("KEY-1", null))).isEqualTo("{\"key\":\"KEY-1\"}");
        assertThat(Json.GSON.toJson(new Wire.ActivateRequest("KEY-1", Json.format(Instant.parse(
                "2025-09-01T06:00:00Z")))))
                .isEqualTo("{\"key\":\"KEY-1\",\"activationIso\":\"2025-09-01T06:00:00Z\"}");
        assertThat(Json.GSON.toJson(new Wire.ClaimRequest("KEY-1", "node/1")))
                .isEqualTo("{\"licenseKey\":\"KEY-1\",\"nodeId\":\"node/1\"}");
        assertThat(Json.GSON.toJson(new Wire.DeviceQuery(new Wire.DeviceFilter(List.of(7L),
                List.of("smartgridControllerSite"), null, null), null, null)))
                .isEqualTo("{\"filter\":{\"companyId\":[7],\"nodeType\":[\"smartgridControllerSite\"]}}");
        assertThat(Json.GSON.toJson(new Wire.EmptyRequest())).isEqualTo("{}");
        assertThat(Json.GSON.toJson(new Wire.TotpRequest("123456"))).isEqualTo("{\"totp\":\"123456\"}");
        assertThat(Json.GSON.toJson(new Wire.OtpRequest("123456"))).isEqualTo("{\"otp\":\"123456\"}");
        assertThat(Json.GSON.toJson(new Wire.RecoveryCodeRequest("abc"))).isEqualTo("{\"recoveryCode\":\"abc\"}");
    }

    @Test
    void loginBodyEscapesAndKeepsThePasswordOutOfStrings() {
        char[] password = "pa\"ss\\wörd\n".toCharArray();
        byte[] json = AuthClient.credentialsJson("a@b.c", password);
        assertThat(new String(json, java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("{\"username\":\"a@b.c\",\"password\":\"pa\\\"ss\\\\wörd\\n\"}");
        assertThat(Json.GSON.fromJson(new String(json, java.nio.charset.StandardCharsets.UTF_8),
                com.google.gson.JsonObject.class).get("password").getAsString()).isEqualTo(new String(password));
    }

    @Test
    void tokensAreUnquotedTrimmedAndAcceptedBare() {
        assertThat(TextTokens.unquote("\"eyJabc.def.ghi\"")).isEqualTo("eyJabc.def.ghi");
        assertThat(TextTokens.unquote("  \"eyJabc.def.ghi\"\r\n")).isEqualTo("eyJabc.def.ghi");
        assertThat(TextTokens.unquote("eyJabc.def.ghi\n")).isEqualTo("eyJabc.def.ghi");
        assertThat(TextTokens.unquote("\"a\\/b\"")).isEqualTo("a/b");
        assertThat(TextTokens.unquote("")).isNull();
        assertThat(TextTokens.unquote("\"\"")).isNull();
        assertThat(TextTokens.unquote("\"unterminated")).isNull();
        assertThat(TextTokens.unquote("<html>bad gateway</html>")).isNull();
        assertThat(TextTokens.unquote("{\"licenses\":[{\"id\":\"3f1c2a9e-")).isNull();
        assertThat(TextTokens.unquote("\"two words\"")).isNull();
        assertThat(TextTokens.unquote(null)).isNull();
    }
}
