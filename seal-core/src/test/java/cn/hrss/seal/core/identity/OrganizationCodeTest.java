package cn.hrss.seal.core.identity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrganizationCodeTest {

    @Test
    void checkCharacterTenIsX() {
        assertThat(OrganizationCode.checkCharacter("55323005")).isEqualTo('X');
        assertThat(OrganizationCode.parse("55323005X").value()).isEqualTo("55323005X");
    }

    @Test
    void checkCharacterElevenIsZero() {
        String found = null;
        for (int i = 0; i < 10_000 && found == null; i++) {
            String body = String.format("%08d", i);
            if (OrganizationCode.checkCharacter(body) == '0') {
                found = body;
            }
        }
        assertThat(found).isNotNull();
        assertThat(OrganizationCode.parse(found + "0").value()).endsWith("0");
    }

    @Test
    void lettersCountFromTen() {
        // A = 10: sum = 10*3 = 30, 30 mod 11 = 8, 11 - 8 = 3
        assertThat(OrganizationCode.checkCharacter("A0000000")).isEqualTo('3');
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> OrganizationCode.parse("553230051"))
                .isInstanceOfSatisfying(InvalidIdentifierException.class,
                        e -> assertThat(e.code()).isEqualTo("INVALID_ORGANIZATION_CODE"));
        assertThatThrownBy(() -> OrganizationCode.parse("5532300")).isInstanceOf(InvalidIdentifierException.class);
        assertThatThrownBy(() -> OrganizationCode.parse("5532300a1")).isInstanceOf(InvalidIdentifierException.class);
    }
}
