package cn.hrss.seal.making.adapter;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CoreIdentifierRulesTest {
    private final CoreIdentifierRules rules = new CoreIdentifierRules();

    @Test
    void acceptsValidIdentifiersInCanonicalFormOnly() {
        assertThat(rules.isCitizenIdNumber("11010519491231002X")).isTrue();
        assertThat(rules.isCitizenIdNumber("11010519491231002x")).isFalse();
        assertThat(rules.isCitizenIdNumber("110105194912310021")).isFalse();
        assertThat(rules.isMobilePhone("13912345678")).isTrue();
        assertThat(rules.isMobilePhone("+86 139 1234 5678")).isFalse();
        assertThat(rules.isMobilePhone("23912345678")).isFalse();
        assertThat(rules.isCreditCode("9135052155323005XL")).isTrue();
        assertThat(rules.isCreditCode("9135052155323005XM")).isFalse();
        assertThat(rules.isCreditCode("9135052155323005xl")).isFalse();
        assertThat(rules.isRegionCode("110105")).isTrue();
        assertThat(rules.isRegionCode("990000")).isFalse();
    }

    @Test
    void nullAndGarbageAreInvalidNotErrors() {
        for (String bad : new String[] {null, "", "\u0000", "x".repeat(10_000)}) {
            assertThat(rules.isCreditCode(bad)).isFalse();
            assertThat(rules.isRegionCode(bad)).isFalse();
            assertThat(rules.isCitizenIdNumber(bad)).isFalse();
            assertThat(rules.isMobilePhone(bad)).isFalse();
        }
    }
}
