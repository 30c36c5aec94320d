package cn.hrss.seal.gateway;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Security headers on every response, the gateway's own errors included; HSTS only where TLS was used. */
@Component
class SecurityHeaders implements WebFilter {

    private final String hsts;

    SecurityHeaders(GatewayProperties properties) {
        this.hsts = "max-age=" + properties.hstsMaxAge().toSeconds();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        boolean tls = exchange.getRequest().getSslInfo() != null;
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set("X-Content-Type-Options", "nosniff");
            if (tls) {
                headers.set("Strict-Transport-Security", hsts);
            } else {
                headers.remove("Strict-Transport-Security");
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }
}
