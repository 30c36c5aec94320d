package cn.hrss.seal.node;

import cn.hrss.seal.accounts.api.AccountEvent;
import cn.hrss.seal.accounts.api.Role;
import cn.hrss.seal.audit.api.AuditEntry;
import cn.hrss.seal.audit.api.AuditOutcome;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AccountAuditingTest {

    /** Builds any account event with placeholder values, so a newly added event type cannot go unmapped. */
    private static AccountEvent sample(Class<?> type) throws ReflectiveOperationException {
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = Arrays.stream(components).map(c -> c.getType() == Instant.class ? Instant.EPOCH
                : c.getType() == Set.class ? Set.of(Role.SEAL_OPERATOR) : (Object) "alice").toArray();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        return (AccountEvent) type.getDeclaredConstructor(types).newInstance(args);
    }

    @Test
    void everyAccountEventHasAnAuditEntry() throws ReflectiveOperationException {
        for (Class<?> type : AccountEvent.class.getPermittedSubclasses()) {
            AuditEntry entry = AccountAuditing.entry(sample(type));
            assertThat(entry.action()).as(type.getSimpleName()).startsWith("account.");
            assertThat(entry.target()).as(type.getSimpleName()).matches("(user|client):alice");
        }
    }

    @Test
    void failedLoginIsAFailureByTheNameAsTyped() {
        AuditEntry entry = AccountAuditing.entry(new AccountEvent.LoginFailed(Instant.EPOCH, "x".repeat(300),
                "BAD_CREDENTIALS"));
        assertThat(entry.outcome()).isEqualTo(AuditOutcome.FAILURE);
        assertThat(entry.actor()).hasSize(AuditEntry.MAX_ACTOR).startsWith("user:xxx");
        assertThat(entry.details()).containsEntry("reason", "BAD_CREDENTIALS");
    }

    @Test
    void bootstrapActsAsTheSystem() {
        AuditEntry entry = AccountAuditing.entry(new AccountEvent.UserCreated(Instant.EPOCH, "admin",
                Set.of(Role.SYSTEM_ADMIN), "bootstrap"));
        assertThat(entry.actor()).isEqualTo("system:bootstrap");
        assertThat(entry.details()).containsEntry("roles", java.util.List.of("SYSTEM_ADMIN"));
    }
}
