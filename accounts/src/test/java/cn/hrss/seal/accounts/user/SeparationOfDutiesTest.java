package cn.hrss.seal.accounts.user;

import cn.hrss.seal.accounts.api.Role;
import cn.hrss.seal.core.error.SealException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeparationOfDutiesTest {

    @ParameterizedTest
    @CsvSource({"BUSINESS_ADMIN,AUDIT_ADMIN", "SYSTEM_ADMIN,AUDIT_ADMIN", "SYSTEM_ADMIN,BUSINESS_ADMIN",
            "AUDIT_ADMIN,SEAL_OPERATOR", "AUDIT_ADMIN,SEAL_REVIEWER"})
    void rejectsConflictingPairs(Role a, Role b) {
        assertThatThrownBy(() -> SeparationOfDuties.check(EnumSet.of(a, b, Role.SEAL_OPERATOR)))
                .isInstanceOfSatisfying(SealException.class, e -> {
                    assertThat(e.code()).isEqualTo("ROLE_CONFLICT");
                    assertThat(e.details().get("roles")).asList().isNotEmpty();
                });
    }

    @Test
    void allowsCompatibleCombinations() {
        assertThatNoException().isThrownBy(() -> {
            SeparationOfDuties.check(EnumSet.of(Role.SEAL_OPERATOR, Role.SEAL_REVIEWER));
            SeparationOfDuties.check(EnumSet.of(Role.BUSINESS_ADMIN, Role.SEAL_REVIEWER));
            SeparationOfDuties.check(EnumSet.of(Role.SYSTEM_ADMIN, Role.SEAL_OPERATOR));
            SeparationOfDuties.check(EnumSet.of(Role.AUDIT_ADMIN));
        });
    }
}
