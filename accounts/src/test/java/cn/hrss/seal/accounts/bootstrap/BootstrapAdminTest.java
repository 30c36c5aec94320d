package cn.hrss.seal.accounts.bootstrap;

import cn.hrss.seal.accounts.api.Role;
import cn.hrss.seal.accounts.user.UserAccounts;
import cn.hrss.seal.core.error.SealException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class BootstrapAdminTest {
    private final UserAccounts accounts = mock(UserAccounts.class);

    @Test
    void createsTheConfiguredAdministratorOnAnEmptyDatabase() {
        new BootstrapAdmin(accounts, "chief:Bootstrap9Pass:with-colon").afterSingletonsInstantiated();
        verify(accounts).create("chief", "Bootstrap9Pass:with-colon", "System administrator",
                Set.of(Role.SYSTEM_ADMIN), "bootstrap");
    }

    @Test
    void doesNothingOnceAnyUserExists() {
        when(accounts.anyUserExists()).thenReturn(true);
        new BootstrapAdmin(accounts, "chief:Bootstrap9Pass").afterSingletonsInstantiated();
        new BootstrapAdmin(accounts, null).afterSingletonsInstantiated();
        verify(accounts, never()).create(anyString(), anyString(), anyString(), any(), anyString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"no-colon", ":Bootstrap9Pass", "chief:"})
    void refusesAMalformedSetting(String setting) {
        assertThatThrownBy(() -> new BootstrapAdmin(accounts, setting).afterSingletonsInstantiated())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("must be username:password");
    }

    @Test
    void refusesAPasswordThatBreaksTheRules() {
        doThrow(new SealException("WEAK_PASSWORD", 400, "weak")).when(accounts)
                .create(eq("chief"), eq("weak"), anyString(), any(), anyString());
        assertThatThrownBy(() -> new BootstrapAdmin(accounts, "chief:weak").afterSingletonsInstantiated())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("WEAK_PASSWORD");
    }

    @Test
    void toleratesAnotherNodeHavingCreatedItFirst() {
        doThrow(SealException.conflict("USERNAME_TAKEN", "taken")).when(accounts)
                .create(anyString(), anyString(), anyString(), any(), anyString());
        new BootstrapAdmin(accounts, "chief:Bootstrap9Pass").afterSingletonsInstantiated();
        new BootstrapAdmin(accounts, null).afterSingletonsInstantiated();
        verify(accounts, org.mockito.Mockito.times(2)).create(anyString(), anyString(), anyString(), any(), anyString());
    }

    @Test
    void generatedPasswordsAlwaysMeetThePolicyAndDiffer() {
        BootstrapAdmin bootstrap = new BootstrapAdmin(accounts, null);
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < 200; i++) {
            String p = bootstrap.generatePassword();
            assertThat(p).hasSize(20).matches(".*[A-Z].*").matches(".*[a-z].*").matches(".*[0-9].*");
            seen.add(p);
        }
        assertThat(seen).hasSize(200);
    }
}
