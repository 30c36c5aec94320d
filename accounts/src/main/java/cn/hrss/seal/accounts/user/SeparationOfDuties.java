package cn.hrss.seal.accounts.user;

import cn.hrss.seal.accounts.api.Role;
import cn.hrss.seal.core.error.SealException;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which roles one account may hold together. The three administrators (system, business = security, audit) are
 * mutually exclusive, as in the "three-administrator" separation of classified-protection practice: whoever
 * configures the system or grants signing rights must not also be the one who audits it, and the one who manages
 * accounts must not grant himself business rights. The audit administrator holds no other role at all, because the
 * audit chain records the actions of every other role, operators and reviewers included. Operator and reviewer may
 * be combined; that one person never reviews his own application is a per-application rule of seal making.
 */
final class SeparationOfDuties {
    private static final List<Set<Role>> CONFLICTS = List.of(
            EnumSet.of(Role.SYSTEM_ADMIN, Role.BUSINESS_ADMIN),
            EnumSet.of(Role.SYSTEM_ADMIN, Role.AUDIT_ADMIN),
            EnumSet.of(Role.BUSINESS_ADMIN, Role.AUDIT_ADMIN),
            EnumSet.of(Role.AUDIT_ADMIN, Role.SEAL_OPERATOR),
            EnumSet.of(Role.AUDIT_ADMIN, Role.SEAL_REVIEWER));

    private SeparationOfDuties() {
    }

    /** @throws SealException {@code ROLE_CONFLICT} (400) naming the first conflicting pair */
    static void check(Set<Role> roles) {
        for (Set<Role> conflict : CONFLICTS) {
            if (roles.containsAll(conflict)) {
                throw new SealException("ROLE_CONFLICT", 400,
                        "roles " + conflict + " must not be held by one account (separation of duties)",
                        Map.of("roles", conflict.stream().map(Enum::name).toList()), null);
            }
        }
    }
}
