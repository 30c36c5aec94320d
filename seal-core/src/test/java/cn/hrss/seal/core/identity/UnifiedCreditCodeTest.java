package cn.hrss.seal.core.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnifiedCreditCodeTest {

    /** Builds a valid code from its parts with the check algorithms, so tests do not depend only on samples. */
    static String build(String authorityAndCategory, String region, String orgBody) {
        String org = orgBody + OrganizationCode.checkCharacter(orgBody);
        String first17 = authorityAndCategory + region + org;
        return first17 + UnifiedCreditCode.checkCharacter(first17);
    }

    @Test
    void parsesPublishedSample() {
        UnifiedCreditCode code = UnifiedCreditCode.parse("9135052155323005XL");
        assertThat(code.registrationAuthority()).isEqualTo('9');
        assertThat(code.category()).isEqualTo('1');
        assertThat(code.registrationRegion().value()).isEqualTo("350521");
        assertThat(code.organizationCode().value()).isEqualTo("55323005X");
        assertThat(code.isGovernmentOrgan()).isFalse();
    }

    @Test
    void acceptsLowerCaseAndSurroundingSpace() {
        assertThat(UnifiedCreditCode.parse(" 9135052155323005xl ").value()).isEqualTo("9135052155323005XL");
    }

    @Test
    void acceptsComputedGovernmentOrganCode() {
        String v = build("11", "110000", "00001234");
        UnifiedCreditCode code = UnifiedCreditCode.parse(v);
        assertThat(code.isGovernmentOrgan()).isTrue();
        assertThat(code.registrationRegion().level()).isEqualTo(AdministrativeRegionCode.Level.PROVINCE);
    }

    @Test
    void acceptsCentralOrganRegion() {
        UnifiedCreditCode code = UnifiedCreditCode.parse(build("11", "100000", "00001234"));
        assertThat(code.registrationRegion().level()).isEqualTo(AdministrativeRegionCode.Level.CENTRAL);
    }

    @Test
    void checkCharacterThirtyOneMapsToZero() {
        // search a body whose weighted sum is 0 mod 31: then 31 - 0 = 31 must become '0', not fail or overflow
        String found = null;
        for (int i = 0; i < 100_000 && found == null; i++) {
            String body = String.format("%08d", i);
            String first17 = "91" + "350521" + body + OrganizationCode.checkCharacter(body);
            if (UnifiedCreditCode.checkCharacter(first17) == '0') {
                found = first17 + '0';
            }
        }
        assertThat(found).isNotNull();
        assertThat(UnifiedCreditCode.parse(found).value()).endsWith("0");
    }

    @ParameterizedTest
    @CsvSource({
            "9135052155323005XM, check-character",
            "9135052155323005X, length",
            "9135052155323005XLL, length",
            "9135052155323005IL, alphabet",
            "0135052155323005XL, registration-authority",
            "9635052155323005XL, category",
    })
    void rejects(String text, String rule) {
        assertThatThrownBy(() -> UnifiedCreditCode.parse(text))
                .isInstanceOfSatisfying(InvalidIdentifierException.class, e -> {
                    assertThat(e.code()).isEqualTo("INVALID_CREDIT_CODE");
                    assertThat(e.rule()).isEqualTo(rule);
                    assertThat(e.httpStatus()).isEqualTo(400);
                });
    }

    @Test
    void rejectsWrongEmbeddedOrganisationCheck() {
        // overall check recomputed so only the GB 11714 check inside is wrong
        String first17 = "91350521" + "55323005" + "1";
        String v = first17 + UnifiedCreditCode.checkCharacter(first17);
        assertThatThrownBy(() -> UnifiedCreditCode.parse(v))
                .isInstanceOfSatisfying(InvalidIdentifierException.class, e -> {
                    assertThat(e.code()).isEqualTo("INVALID_CREDIT_CODE");
                    assertThat(e.rule()).isEqualTo("check-character");
                    assertThat(e.getMessage()).contains("GB 11714");
                });
    }

    @Test
    void rejectsUnknownProvinceInRegion() {
        String v = build("91", "990521", "55323005");
        assertThatThrownBy(() -> UnifiedCreditCode.parse(v))
                .isInstanceOfSatisfying(InvalidIdentifierException.class,
                        e -> assertThat(e.rule()).isEqualTo("province"));
    }

    @Test
    void messageDoesNotEchoTheValue() {
        assertThatThrownBy(() -> UnifiedCreditCode.parse("9135052155323005XM"))
                .hasMessageNotContaining("9135052155323005XM");
    }
}
