package cn.hrss.seal.accounts.user;

import cn.hrss.seal.accounts.AccountsProperties;
import cn.hrss.seal.accounts.api.AccountEvent;
import cn.hrss.seal.accounts.api.Role;
import cn.hrss.seal.accounts.api.SealPrincipal;
import cn.hrss.seal.accounts.persistence.UserMapper;
import cn.hrss.seal.accounts.persistence.UserRoleMapper;
import cn.hrss.seal.accounts.persistence.UserRoleRow;
import cn.hrss.seal.accounts.persistence.UserRow;
import cn.hrss.seal.core.error.SealException;
import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.function.SingletonSupplier;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * User accounts: creation under the password and separation-of-duties rules, password login with lockout, and
 * the system administrator's disable / enable / unlock. Module-internal; other modules see only
 * {@link SealPrincipal} and the account events.
 */
public class UserAccounts {
    private final UserMapper users;
    private final UserRoleMapper userRoles;
    private final PasswordEncoder encoder;
    private final AccountsProperties.Lockout lockout;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    /** Compared against when the username does not exist, so both paths cost one KDF run (no user enumeration). */
    private final Supplier<String> decoyHash;

    UserAccounts(UserMapper users, UserRoleMapper userRoles, PasswordEncoder encoder, AccountsProperties properties,
                 ApplicationEventPublisher events, Clock clock) {
        this.users = users;
        this.userRoles = userRoles;
        this.encoder = encoder;
        this.lockout = properties.lockout();
        this.events = events;
        this.clock = clock;
        this.decoyHash = SingletonSupplier.of(
                () -> encoder.encode("decoy-" + System.nanoTime()));
    }

    /**
     * Checks a username and password.
     *
     * @throws SealException {@code BAD_CREDENTIALS} (401) for an unknown user or a wrong password,
     *                       {@code ACCOUNT_LOCKED} (403) while locked, {@code ACCOUNT_DISABLED} (403) for a disabled
     *                       account with the right password
     */
    @Transactional(noRollbackFor = SealException.class)
    public SealPrincipal authenticate(String username, String password) {
        Instant now = clock.instant();
        UserRow user = username == null ? null : findRow(username);
        if (user == null || password == null
                || password.getBytes(StandardCharsets.UTF_8).length > PasswordPolicy.MAX_UTF8_BYTES) {
            encoder.matches(password == null ? "" : password, decoyHash.get());
            if (user != null) {
                recordFailure(user, now);
            } else {
                events.publishEvent(new AccountEvent.LoginFailed(now, String.valueOf(username), "BAD_CREDENTIALS"));
            }
            throw badCredentials();
        }
        if (user.getLockedUntil() != null && user.getLockedUntil().toInstant().isAfter(now)) {
            events.publishEvent(new AccountEvent.LoginFailed(now, user.getUsername(), "ACCOUNT_LOCKED"));
            throw new SealException("ACCOUNT_LOCKED", 403, "account is locked after repeated failed logins",
                    Map.of("lockedUntil", user.getLockedUntil().toString()), null);
        }
        if (!encoder.matches(password, user.getPasswordHash())) {
            recordFailure(user, now);
            throw badCredentials();
        }
        if (!user.getEnabled()) {
            events.publishEvent(new AccountEvent.LoginFailed(now, user.getUsername(), "ACCOUNT_DISABLED"));
            throw new SealException("ACCOUNT_DISABLED", 403, "account is disabled");
        }
        if (user.getFailedAttempts() > 0 || user.getLockedUntil() != null) {
            users.clearFailures(user.getId());
        }
        events.publishEvent(new AccountEvent.LoginSucceeded(now, user.getUsername()));
        return new SealPrincipal(SealPrincipal.Kind.USER, user.getUsername(), user.getDisplayName(),
                rolesOf(user.getId()));
    }

    private void recordFailure(UserRow user, Instant now) {
        users.countFailure(user.getId());
        events.publishEvent(new AccountEvent.LoginFailed(now, user.getUsername(), "BAD_CREDENTIALS"));
        Instant until = now.plus(lockout.duration());
        if (users.lockIfExceeded(user.getId(), lockout.maxFailures(), utc(until)) == 1) {
            events.publishEvent(new AccountEvent.AccountLocked(now, user.getUsername(), until));
        }
    }

    private static SealException badCredentials() {
        return new SealException("BAD_CREDENTIALS", 401, "username or password is wrong");
    }

    /** Creates a user; the caller has been authorised as system administrator (or is the bootstrap). */
    @Transactional
    public void create(String username, String password, String displayName, Set<Role> roles, String actor) {
        checkAssignable(roles);
        PasswordPolicy.check(password);
        UserRow row = new UserRow();
        row.setUsername(username);
        row.setDisplayName(displayName);
        row.setPasswordHash(encoder.encode(password));
        row.setEnabled(true);
        row.setFailedAttempts(0);
        row.setCreatedAt(utc(clock.instant()));
        row.setCreatedBy(actor);
        try {
            users.insert(row);
        } catch (DuplicateKeyException e) {
            throw SealException.conflict("USERNAME_TAKEN", "username is already taken: " + username);
        }
        for (Role role : roles) {
            userRoles.insert(new UserRoleRow(row.getId(), role.name()));
        }
        events.publishEvent(new AccountEvent.UserCreated(clock.instant(), username, Set.copyOf(roles), actor));
    }

    static Set<Role> parseRoles(Collection<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            try {
                roles.add(Role.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new SealException("UNKNOWN_ROLE", 400, "no such role: " + name, Map.of("role", name), null);
            }
        }
        return roles;
    }

    @Transactional(readOnly = true)
    public boolean anyUserExists() {
        return users.countAll() > 0;
    }

    @Transactional(readOnly = true)
    UserView get(String username) {
        UserRow user = require(username);
        return view(user, rolesOf(user.getId()));
    }

    @Transactional(readOnly = true)
    List<UserView> list() {
        Map<Long, Set<Role>> roles = userRoles.selectList(null).stream().collect(Collectors.groupingBy(
                UserRoleRow::getUserId, Collectors.mapping(r -> Role.valueOf(r.getRole()),
                        Collectors.toCollection(() -> EnumSet.noneOf(Role.class)))));
        return users.selectList(new LambdaQueryWrapper<UserRow>().orderByAsc(UserRow::getUsername)).stream()
                .map(u -> view(u, roles.getOrDefault(u.getId(), Set.of())))
                .toList();
    }

    @Transactional
    void setEnabled(String username, boolean enabled, String actor) {
        if (!enabled && username.equals(actor)) {
            throw SealException.conflict("CANNOT_DISABLE_SELF", "an administrator cannot disable his own account");
        }
        UserRow user = require(username);
        users.update(null, new LambdaUpdateWrapper<UserRow>().eq(UserRow::getId, user.getId())
                .set(UserRow::getEnabled, enabled));
        // The session module listens to UserDisabled and revokes the user's tokens.
        events.publishEvent(enabled
                ? new AccountEvent.UserEnabled(clock.instant(), username, actor)
                : new AccountEvent.UserDisabled(clock.instant(), username, actor));
    }

    /** A user changes his own password; the current one must be right. All his sessions end. */
    @Transactional(noRollbackFor = SealException.class)
    public void changeOwnPassword(String username, String currentPassword, String newPassword) {
        authenticate(username, currentPassword);
        if (newPassword != null && newPassword.equals(currentPassword)) {
            throw SealException.badRequest("PASSWORD_UNCHANGED", "the new password must differ from the current one");
        }
        setPassword(require(username), newPassword, username);
    }

    /** The system administrator sets a new password for someone else (forgotten password); his sessions end. */
    @Transactional
    void resetPassword(String username, String newPassword, String actor) {
        if (username.equals(actor)) {
            throw SealException.conflict("USE_OWN_PASSWORD_CHANGE",
                    "change your own password with the current one: POST /api/v1/auth/password");
        }
        setPassword(require(username), newPassword, actor);
    }

    private void setPassword(UserRow user, String newPassword, String actor) {
        PasswordPolicy.check(newPassword);
        users.update(null, new LambdaUpdateWrapper<UserRow>().eq(UserRow::getId, user.getId())
                .set(UserRow::getPasswordHash, encoder.encode(newPassword)));
        events.publishEvent(new AccountEvent.PasswordChanged(clock.instant(), user.getUsername(), actor));
    }

    /** Replaces a user's roles under the separation-of-duties rules; his sessions end so the change applies now. */
    @Transactional
    void changeRoles(String username, Set<Role> roles, String actor) {
        if (username.equals(actor)) {
            throw SealException.conflict("CANNOT_CHANGE_OWN_ROLES", "an administrator cannot change his own roles");
        }
        checkAssignable(roles);
        UserRow user = require(username);
        userRoles.delete(new LambdaQueryWrapper<UserRoleRow>().eq(UserRoleRow::getUserId, user.getId()));
        for (Role role : roles) {
            userRoles.insert(new UserRoleRow(user.getId(), role.name()));
        }
        events.publishEvent(new AccountEvent.RolesChanged(clock.instant(), username, Set.copyOf(roles), actor));
    }

    private static void checkAssignable(Set<Role> roles) {
        if (roles.isEmpty()) {
            throw SealException.badRequest("ROLE_REQUIRED", "a user needs at least one role");
        }
        for (Role role : roles) {
            if (!role.assignableToUser()) {
                throw new SealException("ROLE_NOT_ASSIGNABLE", 400, role + " cannot be given to a user",
                        Map.of("role", role.name()), null);
            }
        }
        SeparationOfDuties.check(roles);
    }

    @Transactional
    void unlock(String username, String actor) {
        users.clearFailures(require(username).getId());
        events.publishEvent(new AccountEvent.UserUnlocked(clock.instant(), username, actor));
    }

    private UserRow require(String username) {
        UserRow user = findRow(username);
        if (user == null) {
            throw SealException.notFound("USER_NOT_FOUND", "no such user: " + username);
        }
        return user;
    }

    private UserRow findRow(String username) {
        return users.selectOne(new LambdaQueryWrapper<UserRow>().eq(UserRow::getUsername, username));
    }

    private Set<Role> rolesOf(long userId) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        userRoles.selectList(new LambdaQueryWrapper<UserRoleRow>().eq(UserRoleRow::getUserId, userId))
                .forEach(r -> roles.add(Role.valueOf(r.getRole())));
        return roles;
    }

    private static UserView view(UserRow u, Set<Role> roles) {
        return new UserView(u.getUsername(), u.getDisplayName(), roles, u.getEnabled(), u.getLockedUntil(),
                u.getCreatedAt(), u.getCreatedBy());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
