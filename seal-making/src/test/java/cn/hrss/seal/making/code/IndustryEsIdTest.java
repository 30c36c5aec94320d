package cn.hrss.seal.making.code;

import cn.hrss.seal.core.error.SealException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IndustryEsIdTest {

    @Test
    void checkCharacterIsIso7064Mod112LikeTheCitizenIdNumber() {
        // GB 11643 sample numbers: the same algorithm over 17 digits
        assertThat(IndustryEsId.checkCharacter("11010519491231002")).isEqualTo('X');
        assertThat(IndustryEsId.checkCharacter("44052418800101001")).isEqualTo('4');
    }

    @Test
    void layoutIsRegionYearSectorMakerSerialCheck() {
        IndustryEsId id = IndustryEsId.of("440300", 2026, "94", "01", 42);
        assertThat(id.value()).hasSize(IndustryEsId.LENGTH).startsWith("440300" + "26" + "94" + "01" + "000042");
        assertThat(id.regionCode()).isEqualTo("440300");
        assertThat(id.serial()).isEqualTo(42);
        assertThat(IndustryEsId.parse(id.value())).isEqualTo(id);
    }

    @Test
    void parseRejectsWrongCheckCharacterLengthAndAlphabet() {
        String good = IndustryEsId.of("110105", 2026, "94", "01", 7).value();
        char wrong = good.charAt(18) == '0' ? '1' : '0';
        for (String bad : new String[] {good.substring(0, 18) + wrong, good.substring(0, 18), good + "0",
                "A" + good.substring(1), "", null}) {
            assertThatThrownBy(() -> IndustryEsId.parse(bad)).isInstanceOf(SealException.class)
                    .extracting(e -> ((SealException) e).code()).isEqualTo("ES_ID_INVALID");
        }
    }

    @Test
    void ofRejectsMalformedPartsAndSerialsOutOfRange() {
        assertThatThrownBy(() -> IndustryEsId.of("11010", 2026, "94", "01", 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IndustryEsId.of("110105", 2026, "9A", "01", 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IndustryEsId.of("110105", 2026, "94", "01", 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IndustryEsId.of("110105", 2026, "94", "01", 1_000_000))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
