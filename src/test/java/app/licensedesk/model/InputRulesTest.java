package app.licensedesk.model;

import static org.assertj.core.api.Assertions.assertThat;

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
