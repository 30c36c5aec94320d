package cn.hrss.seal.core.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdministrativeRegionCodeTest {

    @ParameterizedTest
    @CsvSource({"110000, PROVINCE", "440300, PREFECTURE", "350521, COUNTY", "820000, PROVINCE",
            "429004, COUNTY", "100000, CENTRAL"})
    void levels(String code, AdministrativeRegionCode.Level level) {
        assertThat(AdministrativeRegionCode.parse(code).level()).isEqualTo(level);
    }

    @ParameterizedTest
    @CsvSource({"11000, format", "1100000, format", "11a000, format", "990000, province", "000000, province",
            "110001, hierarchy", "100100, province"})
    void rejects(String code, String rule) {
        assertThatThrownBy(() -> AdministrativeRegionCode.parse(code))
                .isInstanceOfSatisfying(InvalidIdentifierException.class, e -> {
                    assertThat(e.code()).isEqualTo("INVALID_REGION_CODE");
                    assertThat(e.rule()).isEqualTo(rule);
                });
    }

    @Test
    void provinceAndContainment() {
        AdministrativeRegionCode county = AdministrativeRegionCode.parse("350521");
        assertThat(county.province().value()).isEqualTo("350000");
        assertThat(county.province().contains(county)).isTrue();
        assertThat(AdministrativeRegionCode.parse("350500").contains(county)).isTrue();
        assertThat(AdministrativeRegionCode.parse("350100").contains(county)).isFalse();
        assertThat(AdministrativeRegionCode.parse("440000").contains(county)).isFalse();
        assertThat(AdministrativeRegionCode.parse("100000").contains(county)).isTrue();
    }
}
