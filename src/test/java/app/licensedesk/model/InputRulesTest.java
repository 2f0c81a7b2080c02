package app.licensedesk.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputRulesTest {

    @Test
    void normalizeKeyRemovesEveryKindOfWhitespace() {
        assertThat(InputRules.normalizeKey("  SG1-AB\nCD  ")).isEqualTo("SG1-ABCD");
        assertThat(InputRules.normalizeKey("SG1-RES-\r\n7K3M\t-Q9XA")).isEqualTo("SG1-RES-7K3M-Q9XA");
        assertThat(InputRules.normalizeKey("SG1\u00A0RES\u200B-1")).isEqualTo("SG1RES-1");
        assertThat(InputRules.normalizeKey("SG1-RES")).isEqualTo("SG1-RES");
        assertThat(InputRules.normalizeKey(null)).isEmpty();
        assertThat(InputRules.normalizeKey(" \n\t ")).isEmpty();
    }

    @Test
    void keyMustHaveOneToFiftyCharacters() {
        assertThat(InputRules.keyProblem("")).isEqualTo(InputRules.KEY_EMPTY);
        assertThat(InputRules.keyProblem(null)).isEqualTo(InputRules.KEY_EMPTY);
        assertThat(InputRules.keyProblem("A")).isNull();
        assertThat(InputRules.keyProblem("K".repeat(50))).isNull();
        assertThat(InputRules.keyProblem("K".repeat(51))).isEqualTo(InputRules.KEY_TOO_LONG);
    }

    @Test
    void nodeIdMustNotBeBlank() {
        assertThat(InputRules.nodeIdProblem("node-1")).isNull();
        assertThat(InputRules.nodeIdProblem(" x ")).isNull();
        assertThat(InputRules.nodeIdProblem("   ")).isEqualTo(InputRules.NODE_ID_EMPTY);
        assertThat(InputRules.nodeIdProblem("")).isEqualTo(InputRules.NODE_ID_EMPTY);
        assertThat(InputRules.nodeIdProblem(null)).isEqualTo(InputRules.NODE_ID_EMPTY);
    }

    @Test
    void activationDatesAreYearMonthDayInTheYearsTheServiceTakes() {
        assertThat(InputRules.activationDate(" 2026-12-01 ").value()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(InputRules.activationDate("2026-2-3").value()).isEqualTo(LocalDate.of(2026, 2, 3));
        assertThat(InputRules.activationDate("2028-02-29").value()).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(InputRules.activationDate("2000-01-01").value()).isEqualTo(LocalDate.of(2000, 1, 1));
        assertThat(InputRules.activationDate("2100-12-31").value()).isEqualTo(LocalDate.of(2100, 12, 31));

        assertThat(InputRules.activationDate("").problem()).isEqualTo(InputRules.DATE_EMPTY);
        assertThat(InputRules.activationDate(null).problem()).isEqualTo(InputRules.DATE_EMPTY);
        for (String bad : List.of("1/12/2026", "01.12.2026", "2026-12", "26-12-01", "2026-12-01T10:00", "tomorrow")) {
            assertThat(InputRules.activationDate(bad).problem()).as(bad).isEqualTo(InputRules.DATE_FORMAT);
        }
        assertThat(InputRules.activationDate("1999-12-31").problem()).isEqualTo(InputRules.DATE_YEAR);
        assertThat(InputRules.activationDate("2101-01-01").problem()).isEqualTo(InputRules.DATE_YEAR);
        assertThat(InputRules.activationDate("2101-01-01").args()).containsExactly(2000, 2100);
        assertThat(InputRules.activationDate("2026-13-01").problem()).isEqualTo(InputRules.DATE_NO_SUCH_MONTH);
        assertThat(InputRules.activationDate("2026-00-10").problem()).isEqualTo(InputRules.DATE_NO_SUCH_MONTH);
        InputRules.Reading<LocalDate> february30 = InputRules.activationDate("2026-02-30");
        assertThat(february30.value()).isNull();
        assertThat(february30.problem()).isEqualTo(InputRules.DATE_NO_SUCH_DAY);
        assertThat(february30.args()).containsExactly("2026-02-30", 28);
        assertThat(InputRules.activationDate("2026-04-31").args()).containsExactly("2026-04-31", 30);
        assertThat(InputRules.activationDate("2026-04-00").problem()).isEqualTo(InputRules.DATE_NO_SUCH_DAY);
    }

    @Test
    void timesAreHoursAndMinutesIn24Hours() {
        assertThat(InputRules.timeOfDay("14:30").value()).isEqualTo(LocalTime.of(14, 30));
        assertThat(InputRules.timeOfDay(" 8:05 ").value()).isEqualTo(LocalTime.of(8, 5));
        assertThat(InputRules.timeOfDay("00:00").value()).isEqualTo(LocalTime.MIDNIGHT);
        assertThat(InputRules.timeOfDay("23:59").value()).isEqualTo(LocalTime.of(23, 59));
        for (String bad : List.of("", "24:00", "12:60", "9", "12.30", "7 pm", "12:3", "123:00")) {
            assertThat(InputRules.timeOfDay(bad).problem()).as(bad).isEqualTo(InputRules.TIME_FORMAT);
            assertThat(InputRules.timeOfDay(bad).value()).as(bad).isNull();
        }
        assertThat(InputRules.timeOfDay(null).problem()).isEqualTo(InputRules.TIME_FORMAT);
    }

    @Test
    void customerIdMustBeAUuid() {
        assertThat(InputRules.customerIdProblem("3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b")).isNull();
        assertThat(InputRules.customerIdProblem(" 3F2B8C1E-9A4D-4E6F-8B7A-1C2D3E4F5A6B ")).isNull();
        assertThat(InputRules.customerIdProblem("1-1-1-1-1")).isEqualTo(InputRules.CUSTOMER_ID_INVALID);
        assertThat(InputRules.customerIdProblem("not-a-uuid")).isEqualTo(InputRules.CUSTOMER_ID_INVALID);
        assertThat(InputRules.customerIdProblem("3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6bx"))
                .isEqualTo(InputRules.CUSTOMER_ID_INVALID);
        assertThat(InputRules.customerIdProblem(" ")).isEqualTo(InputRules.CUSTOMER_ID_EMPTY);
        assertThat(InputRules.customerIdProblem(null)).isEqualTo(InputRules.CUSTOMER_ID_EMPTY);
    }
}
