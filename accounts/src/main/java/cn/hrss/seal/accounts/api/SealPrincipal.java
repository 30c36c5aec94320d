package cn.hrss.seal.accounts.api;

import java.util.Set;

/**
 * The authenticated caller of a request, as set by the bearer-token filter. Controllers take it with
 * {@code @AuthenticationPrincipal SealPrincipal caller}.
 *
 * @param kind  a person or a business system
 * @param id    stable identifier: the user's username or the API client's client id
 * @param name  display name for logs and records
 * @param roles the roles granted to this session
 */
public record SealPrincipal(Kind kind, String id, String name, Set<Role> roles) {
    public enum Kind { USER, API_CLIENT }

    public SealPrincipal {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
