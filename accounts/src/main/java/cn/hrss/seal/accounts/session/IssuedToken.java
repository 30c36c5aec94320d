package cn.hrss.seal.accounts.session;

import java.time.Instant;

/**
 * Response of login and client-token: the bearer token and when it expires if left unused (each use slides this
 * forward, up to the session's absolute lifetime).
 */
public record IssuedToken(String token, Instant expiresAt) {
    @Override
    public String toString() {
        return "IssuedToken[token=***, expiresAt=" + expiresAt + "]";
    }
}
