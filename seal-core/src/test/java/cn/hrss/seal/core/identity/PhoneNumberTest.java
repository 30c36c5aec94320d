package cn.hrss.seal.core.identity;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhoneNumberTest {

    @ParameterizedTest
    @CsvSource({"13800138000, 13800138000", "'+86 138 0013 8000', 13800138000", "8619912345678, 19912345678",
            "138-0013-8000, 13800138000"})
    void mobileNormalises(String text, String expected) {
        MobileNumber m = MobileNumber.parse(text);
        assertThat(m.value()).isEqualTo(expected);
        assertThat(m.masked()).isEqualTo(expected.substring(0, 3) + "****" + expected.substring(7));
        assertThat(m.toString()).isEqualTo(m.masked());
    }

    @ParameterizedTest
    @CsvSource({"12800138000, prefix", "1380013800, format", "138001380001, format", "1380013800a, format",
            "23800138000, prefix"})
    void mobileRejects(String text, String rule) {
        assertThatThrownBy(() -> MobileNumber.parse(text))
                .isInstanceOfSatisfying(InvalidIdentifierException.class, e -> {
                    assertThat(e.code()).isEqualTo("INVALID_MOBILE_NUMBER");
                    assertThat(e.rule()).isEqualTo(rule);
                });
    }

    @ParameterizedTest
    @CsvSource({"010-62345678, 010-62345678", "(0591)8765432, 0591-8765432", "'0591 87654321-123', 0591-87654321-123",
            "02087654321, 020-87654321", "0755-2345678#9, 0755-2345678-9"})
    void landlineNormalises(String text, String expected) {
        assertThat(LandlineNumber.parse(text).value()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"010-1234567", "12345678", "010-02345678", "0591-123456", "0210-12345678", "021-234567890",
            "(010)1234567a"})
    void landlineRejects(String text) {
        assertThatThrownBy(() -> LandlineNumber.parse(text))
                .isInstanceOfSatisfying(InvalidIdentifierException.class,
                        e -> assertThat(e.code()).isEqualTo("INVALID_LANDLINE_NUMBER"));
    }
}
