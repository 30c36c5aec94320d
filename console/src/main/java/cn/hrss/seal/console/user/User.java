package cn.hrss.seal.console.user;

import java.time.OffsetDateTime;
import java.util.Set;

/** A user as {@code GET /api/v1/users} returns it (never a password hash). */
record User(String username, String displayName, Set<String> roles, boolean enabled, OffsetDateTime lockedUntil,
            OffsetDateTime createdAt, String createdBy) {
}
