package cn.hrss.seal.core.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CitizenIdNumberTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    static String withCheck(String first17) {
        return first17 + CitizenIdNumber.checkCharacter(first17);
    }

    @Test
    void parsesTheStandardsExampleWithCheckX() {
        // the worked example of GB 11643-1999
        CitizenIdNumber id = CitizenIdNumber.parse("11010519491231002X", TODAY);
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(id.region().value()).isEqualTo("110105");
        assertThat(id.sex()).isEqualTo(CitizenIdNumber.Sex.FEMALE);
    }

    @Test
    void acceptsLowerCaseX() {
        assertThat(CitizenIdNumber.parse("11010519491231002x", TODAY).value()).isEqualTo("11010519491231002X");
    }

    @Test
    void computedNumberRoundTripsAndMasks() {
        String v = withCheck("44030419880808123");
        CitizenIdNumber id = CitizenIdNumber.parse(v, TODAY);
        assertThat(id.sex()).isEqualTo(CitizenIdNumber.Sex.MALE);
        assertThat(id.masked()).isEqualTo("440304********" + v.substring(14));
        assertThat(id.toString()).doesNotContain("19880808");
    }

    @Test
    void acceptsLeapDay() {
        assertThat(CitizenIdNumber.parse(withCheck("11010120000229001"), TODAY).birthDate())
                .isEqualTo(LocalDate.of(2000, 2, 29));
    }

    @ParameterizedTest
    @CsvSource({
            "11010519491231002, length",
            "11010519491231002XX, length",
            "1101051949123100AX, format",
            "110105194912310021, check-character"})
    void rejectsShape(String text, String rule) {
        assertThatThrownBy(() -> CitizenIdNumber.parse(text, TODAY))
                .isInstanceOfSatisfying(InvalidIdentifierException.class, e -> {
                    assertThat(e.code()).isEqualTo("INVALID_CITIZEN_ID");
                    assertThat(e.rule()).isEqualTo(rule);
                });
    }

    @ParameterizedTest
    @CsvSource({
            "11010119000229001, birth-date",   // 1900 is not a leap year
            "11010120011301001, birth-date",
            "11010118991231001, birth-date",
            "11010120261124001, birth-date",   // tomorrow
            "99010119800101001, region",
            "10000019800101001, region"})
    void rejectsContent(String first17, String rule) {
        String v = withCheck(first17);
        assertThatThrownBy(() -> CitizenIdNumber.parse(v, TODAY))
                .isInstanceOfSatisfying(InvalidIdentifierException.class, e -> {
                    assertThat(e.code()).isEqualTo("INVALID_CITIZEN_ID");
                    assertThat(e.rule()).isEqualTo(rule);
                });
    }
}
