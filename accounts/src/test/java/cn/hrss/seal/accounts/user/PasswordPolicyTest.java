package cn.hrss.seal.accounts.user;

import cn.hrss.seal.core.error.SealException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static cn.hrss.seal.accounts.user.PasswordPolicy.Rule.DIGIT;
import static cn.hrss.seal.accounts.user.PasswordPolicy.Rule.LOWERCASE;
import static cn.hrss.seal.accounts.user.PasswordPolicy.Rule.MAX_LENGTH;
import static cn.hrss.seal.accounts.user.PasswordPolicy.Rule.MIN_LENGTH;
import static cn.hrss.seal.accounts.user.PasswordPolicy.Rule.UPPERCASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"Abcdefgh1", "Zz9zzzzzzzzzzzzz", "密码Passw0rd"})
    void acceptsPasswordsMeetingEveryRule(String password) {
        assertThat(PasswordPolicy.violations(password)).isEmpty();
    }

    @Test
    void eightCharactersAreNotEnough() {
        assertThat(PasswordPolicy.violations("Abcdefg1")).containsExactly(MIN_LENGTH);
    }

    @Test
    void namesEachMissingCharacterClass() {
        assertThat(PasswordPolicy.violations("abcdefgh1")).containsExactly(UPPERCASE);
        assertThat(PasswordPolicy.violations("ABCDEFGH1")).containsExactly(LOWERCASE);
        assertThat(PasswordPolicy.violations("Abcdefghi")).containsExactly(DIGIT);
        assertThat(PasswordPolicy.violations("")).containsExactly(MIN_LENGTH, UPPERCASE, LOWERCASE, DIGIT);
        assertThat(PasswordPolicy.violations(null)).containsExactly(MIN_LENGTH, UPPERCASE, LOWERCASE, DIGIT);
    }

    @Test
    void refusesWhatBcryptWouldTruncate() {
        assertThat(PasswordPolicy.violations("Aa1" + "x".repeat(69))).isEmpty();
        assertThat(PasswordPolicy.violations("Aa1" + "x".repeat(70))).containsExactly(MAX_LENGTH);
    }

    @Test
    void rejectionCarriesStableCodeAndFailedRules() {
        assertThatThrownBy(() -> PasswordPolicy.check("short"))
                .isInstanceOfSatisfying(SealException.class, e -> {
                    assertThat(e.code()).isEqualTo("WEAK_PASSWORD");
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.details().get("failedRules"))
                            .asList().containsExactly("MIN_LENGTH", "UPPERCASE", "DIGIT");
                });
    }
}
