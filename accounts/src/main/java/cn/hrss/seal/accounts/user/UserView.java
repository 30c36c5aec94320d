package cn.hrss.seal.accounts.user;

import cn.hrss.seal.accounts.api.Role;

import java.time.OffsetDateTime;
import java.util.Set;

/** A user as the system administrator sees it; never the password hash. */
record UserView(String username, String displayName, Set<Role> roles, boolean enabled, OffsetDateTime lockedUntil,
                OffsetDateTime createdAt, String createdBy) {
}
