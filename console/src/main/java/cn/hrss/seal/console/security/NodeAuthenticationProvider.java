package cn.hrss.seal.console.security;

import cn.hrss.seal.accounts.api.Role;
import cn.hrss.seal.accounts.api.SealPrincipal;
import cn.hrss.seal.console.node.NodeApi;
import cn.hrss.seal.console.node.NodeSession;
import cn.hrss.seal.core.error.SealException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Checks a console login with the node's own login, so users, passwords, lockout and login auditing are the
 * accounts module's and nothing is duplicated here. The authenticated principal is the resulting
 * {@link NodeSession}; its roles become the authorities the console's pages are guarded by.
 */
final class NodeAuthenticationProvider implements AuthenticationProvider {
    private final NodeApi api;

    NodeAuthenticationProvider(NodeApi api) {
        this.api = api;
    }

    @Override
    public Authentication authenticate(Authentication login) throws AuthenticationException {
        String username = login.getName();
        String password = login.getCredentials() == null ? "" : login.getCredentials().toString();
        NodeSession session;
        try {
            session = api.login(username, password);
        } catch (SealException e) {
            throw switch (e.code()) {
                case "ACCOUNT_LOCKED" -> new LockedException(e.getMessage());
                case "ACCOUNT_DISABLED" -> new DisabledException(e.getMessage());
                case "BAD_CREDENTIALS", "VALIDATION_FAILED" -> new BadCredentialsException(e.getMessage());
                default -> new AuthenticationServiceException(e.getMessage(), e);
            };
        } catch (RuntimeException e) {
            throw new AuthenticationServiceException("the node's login cannot be reached", e);
        }
        if (session.principal().kind() != SealPrincipal.Kind.USER) {
            throw new BadCredentialsException("the console is for people");
        }
        return UsernamePasswordAuthenticationToken.authenticated(session, null,
                session.principal().roles().stream().map(Role::authority).toList());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
