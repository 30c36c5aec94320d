package cn.hrss.seal.accounts.session;

import cn.hrss.seal.accounts.api.Role;
import cn.hrss.seal.accounts.api.SealPrincipal;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** An authenticated request: the caller and the hash of the session token it came with (for logout). */
final class BearerAuthentication extends AbstractAuthenticationToken {
    private final SealPrincipal principal;
    private final String tokenHash;

    BearerAuthentication(SealPrincipal principal, String tokenHash) {
        super(principal.roles().stream().map(Role::authority).toList());
        this.principal = principal;
        this.tokenHash = tokenHash;
        setAuthenticated(true);
    }

    @Override
    public SealPrincipal getPrincipal() {
        return principal;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public String getName() {
        return principal.id();
    }

    String tokenHash() {
        return tokenHash;
    }
}
