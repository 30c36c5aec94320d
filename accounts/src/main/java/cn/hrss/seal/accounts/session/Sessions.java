package cn.hrss.seal.accounts.session;

import cn.hrss.seal.accounts.AccountsProperties;
import cn.hrss.seal.accounts.api.AccountEvent;
import cn.hrss.seal.accounts.api.Role;
import cn.hrss.seal.accounts.api.SealPrincipal;
import cn.hrss.seal.accounts.persistence.SessionMapper;
import cn.hrss.seal.accounts.persistence.SessionRow;
import com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper;
import org.springframework.context.event.EventListener;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Bearer-token sessions kept in the database, so every node behind the gateway accepts a token any of them
 * issued. A token expires after the idle timeout without use (sliding) and at the latest after the maximum
 * lifetime. Tokens of an account die when the account is disabled, its roles change or its password changes.
 */
public class Sessions {
    /** Upper bound on how often a busy token's last-use time is written; the idle timeout is exact to this. */
    private static final Duration MAX_TOUCH_INTERVAL = Duration.ofMinutes(1);

    private final SessionMapper sessions;
    private final Duration idleTimeout;
    private final Duration maxLifetime;
    private final Duration touchInterval;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Sessions(SessionMapper sessions, AccountsProperties properties, Clock clock) {
        this.sessions = sessions;
        this.idleTimeout = properties.session().idleTimeout();
        this.maxLifetime = properties.session().maxLifetime();
        Duration tenth = idleTimeout.dividedBy(10);
        this.touchInterval = tenth.compareTo(MAX_TOUCH_INTERVAL) < 0 ? tenth : MAX_TOUCH_INTERVAL;
        this.clock = clock;
    }

    /** Starts a session for an authenticated caller and returns its token (shown to the caller only). */
    public IssuedToken open(SealPrincipal principal) {
        Instant now = clock.instant();
        sessions.deleteExpired(utc(now), utc(now.minus(idleTimeout)));
        OpaqueToken token = OpaqueToken.generate(random);
        SessionRow row = new SessionRow();
        row.setTokenHash(token.hash());
        row.setSubjectKind(principal.kind().name());
        row.setSubjectId(principal.id());
        row.setSubjectName(principal.name());
        row.setRoles(principal.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
        row.setCreatedAt(utc(now));
        row.setLastUsedAt(utc(now));
        row.setExpiresAt(utc(now.plus(maxLifetime)));
        sessions.insert(row);
        return new IssuedToken(token.value(), idleExpiry(now, row));
    }

    /** The caller behind a token, if the token is known and not expired; each use slides the idle timeout. */
    Optional<BearerAuthentication> resolve(OpaqueToken token) {
        String hash = token.hash();
        SessionRow row = sessions.selectById(hash);
        if (row == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (!now.isBefore(idleExpiry(row.getLastUsedAt().toInstant(), row))) {
            sessions.deleteById(hash);
            return Optional.empty();
        }
        if (Duration.between(row.getLastUsedAt().toInstant(), now).compareTo(touchInterval) >= 0) {
            sessions.update(null, new LambdaUpdateWrapper<SessionRow>().eq(SessionRow::getTokenHash, hash)
                    .set(SessionRow::getLastUsedAt, utc(now)));
        }
        return Optional.of(new BearerAuthentication(principal(row), hash));
    }

    void close(String tokenHash) {
        sessions.deleteById(tokenHash);
    }

    @EventListener
    void on(AccountEvent.UserDisabled event) {
        sessions.deleteBySubject(SealPrincipal.Kind.USER.name(), event.subject());
    }

    @EventListener
    void on(AccountEvent.PasswordChanged event) {
        sessions.deleteBySubject(SealPrincipal.Kind.USER.name(), event.subject());
    }

    @EventListener
    void on(AccountEvent.RolesChanged event) {
        sessions.deleteBySubject(SealPrincipal.Kind.USER.name(), event.subject());
    }

    @EventListener
    void on(AccountEvent.ApiClientDisabled event) {
        sessions.deleteBySubject(SealPrincipal.Kind.API_CLIENT.name(), event.subject());
    }

    private Instant idleExpiry(Instant lastUsed, SessionRow row) {
        Instant idle = lastUsed.plus(idleTimeout);
        Instant absolute = row.getExpiresAt().toInstant();
        return idle.isBefore(absolute) ? idle : absolute;
    }

    private static SealPrincipal principal(SessionRow row) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(row.getRoles().split(",")).filter(s -> !s.isEmpty()).map(Role::valueOf).forEach(roles::add);
        return new SealPrincipal(SealPrincipal.Kind.valueOf(row.getSubjectKind()), row.getSubjectId(),
                row.getSubjectName(), roles);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
