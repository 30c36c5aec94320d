package cn.hrss.seal.accounts.api;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The roles of the seal system. Use them in {@code @PreAuthorize("hasRole('SEAL_OPERATOR')")}; the Spring authority
 * is {@code ROLE_} + the name.
 */
public enum Role {
    /** Accounts, node configuration, key ceremonies: the "system" administrator of the three-administrator model. */
    SYSTEM_ADMIN,
    /** Business configuration: API clients, standing authorisations (the "security" administrator). */
    BUSINESS_ADMIN,
    /** Reads and verifies the audit chain; changes nothing (the "audit" administrator). */
    AUDIT_ADMIN,
    SEAL_OPERATOR,
    SEAL_REVIEWER,
    /** A business system authenticated with client credentials; never assigned to a person. */
    API_CLIENT;

    public GrantedAuthority authority() {
        return new SimpleGrantedAuthority("ROLE_" + name());
    }

    /** Whether a user account (a person) may hold the role. */
    public boolean assignableToUser() {
        return this != API_CLIENT;
    }
}
