package cn.hrss.seal.core.pii;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MaskingTest {

    @Test
    void citizenIdKeepsFirstSixAndLastFour() {
        assertThat(Masking.citizenId("110101199001011234")).isEqualTo("110101********1234");
        assertThat(Masking.citizenId("12345")).isEqualTo("*****");
        assertThat(Masking.citizenId(null)).isNull();
    }

    @Test
    void mobileKeepsFirstThreeAndLastFour() {
        assertThat(Masking.mobile("13812345678")).isEqualTo("138****5678");
        assertThat(Masking.mobile("1381234")).isEqualTo("*******");
    }

    @Test
    void nameKeepsFirstCharacter() {
        assertThat(Masking.name("张三")).isEqualTo("张*");
        assertThat(Masking.name("欧阳娜娜")).isEqualTo("欧***");
        assertThat(Masking.name("𠀀二")).isEqualTo("𠀀*");
        assertThat(Masking.name("王")).isEqualTo("*");
        assertThat(Masking.name("")).isEmpty();
    }
}
