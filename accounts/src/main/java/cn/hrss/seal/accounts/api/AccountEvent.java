package cn.hrss.seal.accounts.api;

import java.time.Instant;
import java.util.Set;

/**
 * Something that happened to an account, published with Spring's {@code ApplicationEventPublisher} inside the
 * transaction that caused it, so the audit chain can record it. Records are past tense and carry no secrets.
 */
public sealed interface AccountEvent {
    Instant at();

    /** Username or client id the event is about. */
    String subject();

    /** @param actor who created it ({@code "bootstrap"} for the first administrator) */
    record UserCreated(Instant at, String subject, Set<Role> roles, String actor) implements AccountEvent {
    }

    record UserDisabled(Instant at, String subject, String actor) implements AccountEvent {
    }

    record UserEnabled(Instant at, String subject, String actor) implements AccountEvent {
    }

    record UserUnlocked(Instant at, String subject, String actor) implements AccountEvent {
    }

    /** @param actor the user himself, or the system administrator who reset it */
    record PasswordChanged(Instant at, String subject, String actor) implements AccountEvent {
    }

    record RolesChanged(Instant at, String subject, Set<Role> roles, String actor) implements AccountEvent {
    }

    record LoginSucceeded(Instant at, String subject) implements AccountEvent {
    }

    /** @param subject the username as typed, which may not exist */
    record LoginFailed(Instant at, String subject, String reason) implements AccountEvent {
    }

    record AccountLocked(Instant at, String subject, Instant until) implements AccountEvent {
    }

    record LoggedOut(Instant at, String subject) implements AccountEvent {
    }

    record ApiClientCreated(Instant at, String subject, String name, String actor) implements AccountEvent {
    }

    record ApiClientDisabled(Instant at, String subject, String actor) implements AccountEvent {
    }

    record ClientTokenIssued(Instant at, String subject) implements AccountEvent {
    }

    record ClientAuthenticationFailed(Instant at, String subject) implements AccountEvent {
    }
}
