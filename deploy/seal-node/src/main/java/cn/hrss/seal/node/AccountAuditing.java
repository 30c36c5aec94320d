package cn.hrss.seal.node;

import cn.hrss.seal.accounts.api.AccountEvent;
import cn.hrss.seal.audit.api.AuditEntry;
import cn.hrss.seal.audit.api.AuditOutcome;
import cn.hrss.seal.audit.api.AuditTrail;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Writes the accounts module's events into the audit chain. The node is where both modules meet, so the mapping
 * lives here and neither module knows the other. Usernames typed at a failed login are recorded as typed (cut to
 * the chain's limit): the audit administrator needs them to see guessing.
 */
@Component
class AccountAuditing {
    private final AuditTrail trail;

    AccountAuditing(AuditTrail trail) {
        this.trail = trail;
    }

    /** After commit, so a rolled-back change is never recorded as done; events outside a transaction at once. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(AccountEvent event) {
        trail.record(entry(event));
    }

    static AuditEntry entry(AccountEvent event) {
        if (event instanceof AccountEvent.UserCreated e) {
            return new AuditEntry(actor(e.actor()), "account.user.create", user(e.subject()), AuditOutcome.SUCCESS,
                    Map.of("roles", e.roles().stream().map(Enum::name).sorted().toList()));
        } else if (event instanceof AccountEvent.UserDisabled e) {
            return by(e.actor(), "account.user.disable", user(e.subject()));
        } else if (event instanceof AccountEvent.UserEnabled e) {
            return by(e.actor(), "account.user.enable", user(e.subject()));
        } else if (event instanceof AccountEvent.UserUnlocked e) {
            return by(e.actor(), "account.user.unlock", user(e.subject()));
        } else if (event instanceof AccountEvent.PasswordChanged e) {
            return by(e.actor(), "account.password.change", user(e.subject()));
        } else if (event instanceof AccountEvent.RolesChanged e) {
            return new AuditEntry(actor(e.actor()), "account.roles.change", user(e.subject()), AuditOutcome.SUCCESS,
                    Map.of("roles", e.roles().stream().map(Enum::name).sorted().toList()));
        } else if (event instanceof AccountEvent.LoginSucceeded e) {
            return by(e.subject(), "account.login", user(e.subject()));
        } else if (event instanceof AccountEvent.LoginFailed e) {
            return new AuditEntry(user(e.subject()), "account.login", user(e.subject()), AuditOutcome.FAILURE,
                    Map.of("reason", e.reason()));
        } else if (event instanceof AccountEvent.AccountLocked e) {
            return new AuditEntry("system:accounts", "account.lock", user(e.subject()), AuditOutcome.SUCCESS,
                    Map.of("until", e.until().toString()));
        } else if (event instanceof AccountEvent.LoggedOut e) {
            return by(e.subject(), "account.logout", user(e.subject()));
        } else if (event instanceof AccountEvent.ApiClientCreated e) {
            return new AuditEntry(actor(e.actor()), "account.client.create", client(e.subject()),
                    AuditOutcome.SUCCESS, Map.of("name", e.name()));
        } else if (event instanceof AccountEvent.ApiClientDisabled e) {
            return by(e.actor(), "account.client.disable", client(e.subject()));
        } else if (event instanceof AccountEvent.ClientTokenIssued e) {
            return AuditEntry.of(client(e.subject()), "account.client.token", client(e.subject()),
                    AuditOutcome.SUCCESS);
        } else if (event instanceof AccountEvent.ClientAuthenticationFailed e) {
            return AuditEntry.of(client(e.subject()), "account.client.token", client(e.subject()),
                    AuditOutcome.FAILURE);
        }
        throw new IllegalArgumentException("unmapped account event " + event.getClass().getSimpleName());
    }

    private static AuditEntry by(String actor, String action, String target) {
        return AuditEntry.of(actor(actor), action, target, AuditOutcome.SUCCESS);
    }

    /** The bootstrap is the system itself; everyone else acting here is a user. */
    private static String actor(String name) {
        return "bootstrap".equals(name) ? "system:bootstrap" : user(name);
    }

    private static String user(String name) {
        return cut("user:" + name, AuditEntry.MAX_ACTOR);
    }

    private static String client(String clientId) {
        return cut("client:" + clientId, AuditEntry.MAX_ACTOR);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
