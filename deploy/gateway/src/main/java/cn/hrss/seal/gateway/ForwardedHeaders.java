package cn.hrss.seal.gateway;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The gateway is the edge: whatever a client says about forwarding is a lie until proven otherwise, so incoming
 * {@code Forwarded}, {@code X-Forwarded-*} and {@code X-Real-IP} are dropped and replaced by what the gateway saw.
 * Headers named in {@code Connection} are hop-by-hop too (the fixed list is removed by Spring Cloud Gateway).
 * Path, query and body are never touched: federation signatures cover them.
 */
@Component
class ForwardedHeaders implements GlobalFilter, Ordered {

    private static final List<String> SPOOFABLE = List.of("forwarded", "x-real-ip");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        ServerHttpRequest forwarded = request.mutate().headers(headers -> rewrite(request, headers)).build();
        return chain.filter(exchange.mutate().request(forwarded).build());
    }

    private static void rewrite(ServerHttpRequest request, HttpHeaders headers) {
        List<String> connectionTokens = headers.getOrEmpty(HttpHeaders.CONNECTION).stream()
                .flatMap(value -> java.util.Arrays.stream(value.split(",")))
                .map(token -> token.trim().toLowerCase(Locale.ROOT))
                .filter(token -> !token.isEmpty())
                .toList();
        headers.keySet().removeIf(name -> {
            String lower = name.toLowerCase(Locale.ROOT);
            return lower.startsWith("x-forwarded-") || SPOOFABLE.contains(lower) || connectionTokens.contains(lower);
        });
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote != null && remote.getAddress() != null) {
            headers.set("X-Forwarded-For", remote.getAddress().getHostAddress());
        }
        String scheme = request.getURI().getScheme();
        headers.set("X-Forwarded-Proto", scheme);
        String host = request.getHeaders().getFirst(HttpHeaders.HOST);
        if (host != null) {
            headers.set("X-Forwarded-Host", host);
        }
        int port = request.getURI().getPort();
        headers.set("X-Forwarded-Port", Integer.toString(port > 0 ? port : "https".equals(scheme) ? 443 : 80));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
