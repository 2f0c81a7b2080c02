package app.licensedesk.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules behind every field and CSV row (the dialogs' and the bulk file's tables go through them too): what a
 * key becomes and why it is refused, which customer ids are UUIDs, and the server's years in UTC.
 */
class BadInputsTest {

    private static final String EMOJI = "\uD83D\uDD11";

    static Stream<Arguments> keys() {
        return Stream.of(
                Arguments.of("", "", InputRules.KEY_EMPTY),
                Arguments.of(" \t\r\n\u00A0\u200B\uFEFF", "", InputRules.KEY_EMPTY),
                Arguments.of("K".repeat(50), "K".repeat(50), null),
                Arguments.of("K".repeat(51), "K".repeat(51), InputRules.KEY_TOO_LONG),
                Arguments.of(" SG1-\tA B\nC ", "SG1-ABC", null),
                Arguments.of("é" + "ß".repeat(49), "é" + "ß".repeat(49), null),
                Arguments.of("é" + "ß".repeat(50), "é" + "ß".repeat(50), InputRules.KEY_TOO_LONG),
                Arguments.of(EMOJI.repeat(25), EMOJI.repeat(25), null),
                Arguments.of(EMOJI + "K".repeat(49), EMOJI + "K".repeat(49), InputRules.KEY_TOO_LONG_WIDE),
                Arguments.of("'\"/%?#+", "'\"/%?#+", null));
    }

    @ParameterizedTest(name = "key \"{0}\"")
    @MethodSource("keys")
    void keys(String typed, String normalized, String problem) {
        assertThat(InputRules.normalizeKey(typed)).isEqualTo(normalized);
        assertThat(InputRules.keyProblem(normalized)).isEqualTo(problem);
    }

    static Stream<Arguments> customerIds() {
        return Stream.of(
                Arguments.of("3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b", null),
                Arguments.of(" 3F2B8C1E-9A4D-4E6F-8B7A-1C2D3E4F5A6B\t", null),
                Arguments.of("", InputRules.CUSTOMER_ID_EMPTY),
                Arguments.of("   ", InputRules.CUSTOMER_ID_EMPTY),
                Arguments.of("42", InputRules.CUSTOMER_ID_INVALID),
                Arguments.of("1-1-1-1-1", InputRules.CUSTOMER_ID_INVALID),
                Arguments.of("3f2b8c1e9a4d4e6f8b7a1c2d3e4f5a6b", InputRules.CUSTOMER_ID_INVALID),
                Arguments.of("3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6g", InputRules.CUSTOMER_ID_INVALID),
                Arguments.of("3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b/..", InputRules.CUSTOMER_ID_INVALID),
                Arguments.of("{3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b}", InputRules.CUSTOMER_ID_INVALID));
    }

    @ParameterizedTest(name = "customer id \"{0}\"")
    @MethodSource("customerIds")
    void customerIds(String typed, String problem) {
        assertThat(InputRules.customerIdProblem(typed)).isEqualTo(problem);
    }

    static Stream<Arguments> instants() {
        return Stream.of(
                Arguments.of("2000-01-01T00:00:00Z", null),
                Arguments.of("2100-12-31T23:59:59Z", null),
                Arguments.of("1999-12-31T23:30:00Z", List.of("1999-12-31 23:30", 2000, 2100)),
                Arguments.of("2101-01-01T00:00:00Z", List.of("2101-01-01 00:00", 2000, 2100)),
                Arguments.of("0001-01-01T00:00:00Z", List.of("0001-01-01 00:00", 2000, 2100)),
                Arguments.of("9999-12-31T00:00:00Z", List.of("9999-12-31 00:00", 2000, 2100)));
    }

    @ParameterizedTest(name = "activation at {0}")
    @MethodSource("instants")
    void theServersYearsAreCountedInUtc(String at, List<Object> refusedWith) {
        InputRules.Reading<Instant> reading = InputRules.activationInstant(Instant.parse(at));
        if (refusedWith == null) {
            assertThat(reading.problem()).isNull();
            assertThat(reading.value()).isEqualTo(Instant.parse(at));
        } else {
            assertThat(reading.problem()).isEqualTo(InputRules.MOMENT_YEAR_UTC);
            assertThat(reading.args()).isEqualTo(refusedWith);
        }
    }
}
