package cn.hrss.seal.gateway;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/** Who a rate limit counts against. Falls back to the client IP when the request does not name a client. */
enum ClientKey {
    /** The TCP peer; X-Forwarded-For from outside is never trusted. */
    CLIENT_IP {
        @Override
        String of(ServerWebExchange exchange) {
            return clientIp(exchange);
        }
    },
    /** A digest of the bearer token, so tokens never sit in memory as map keys or in logs. */
    BEARER_TOKEN {
        @Override
        String of(ServerWebExchange exchange) {
            String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
            if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return clientIp(exchange);
            }
            return "token:" + digest(authorization.substring(7).trim());
        }
    },
    /** The federation signer id (64 hex); the node verifies the signature, the gateway only counts. */
    SEAL_SIGNER {
        @Override
        String of(ServerWebExchange exchange) {
            String signer = exchange.getRequest().getHeaders().getFirst("Seal-Signer");
            return signer != null && SIGNER_ID.matcher(signer).matches() ? "signer:" + signer : clientIp(exchange);
        }
    };

    private static final Pattern SIGNER_ID = Pattern.compile("[0-9a-f]{64}");

    abstract String of(ServerWebExchange exchange);

    static String clientIp(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return "ip:unknown";
        }
        return "ip:" + (remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString());
    }

    private static String digest(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
