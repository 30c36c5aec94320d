package cn.hrss.seal.console.node;

import cn.hrss.seal.accounts.api.Role;
import cn.hrss.seal.accounts.api.SealPrincipal;

import java.util.Objects;

/**
 * A person signed in to the console: who the node says he is, and the bearer token the console calls the node's
 * API with on his behalf. Kept in his HTTP session only, never sent to the browser.
 */
public record NodeSession(SealPrincipal principal, String token) {
    public NodeSession {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(token, "token");
    }

    public String username() {
        return principal.id();
    }

    public boolean has(Role role) {
        return principal.has(role);
    }

    @Override
    public String toString() {
        return "NodeSession[" + principal.id() + "]";
    }
}
