package cn.hrss.seal.gateway;

import io.netty.channel.ConnectTimeoutException;
import java.net.ConnectException;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.reactive.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Every error the gateway itself produces leaves as the contract's JSON error (never Spring's whitelabel body). */
@Component
@Order(-2) // before Boot's DefaultErrorWebExceptionHandler (-1)
class GatewayErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

    private final ErrorResponses errors;

    GatewayErrorHandler(ErrorResponses errors) {
        this.errors = errors;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        exchange.getResponse().getHeaders().clear();
        if (error instanceof GatewayRejection rejection) {
            return errors.write(exchange.getResponse(), rejection.status(), rejection.code(), rejection.getMessage(),
                    rejection.details());
        }
        if (error instanceof ResponseStatusException statusError) {
            return byStatus(exchange, statusError.getStatusCode(), statusError);
        }
        if (hasCause(error, ConnectException.class) || hasCause(error, ConnectTimeoutException.class)) {
            log.warn("seal node unreachable: {}", error.toString());
            return errors.write(exchange.getResponse(), HttpStatus.BAD_GATEWAY, "UPSTREAM_UNAVAILABLE",
                    "the seal node is not reachable", Map.of());
        }
        if (hasCause(error, TimeoutException.class)) {
            return errors.write(exchange.getResponse(), HttpStatus.GATEWAY_TIMEOUT, "UPSTREAM_TIMEOUT",
                    "the seal node did not answer in time", Map.of());
        }
        log.error("gateway error on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), error);
        return errors.write(exchange.getResponse(), HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                "internal gateway error", Map.of());
    }

    private Mono<Void> byStatus(ServerWebExchange exchange, HttpStatusCode code, ResponseStatusException error) {
        HttpStatus status = HttpStatus.resolve(code.value());
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        return switch (status) {
            case NOT_FOUND -> errors.write(exchange.getResponse(), status, "NOT_FOUND", "no such resource", Map.of());
            case GATEWAY_TIMEOUT -> errors.write(exchange.getResponse(), status, "UPSTREAM_TIMEOUT",
                    "the seal node did not answer in time", Map.of());
            case BAD_GATEWAY, SERVICE_UNAVAILABLE -> errors.write(exchange.getResponse(), HttpStatus.BAD_GATEWAY,
                    "UPSTREAM_UNAVAILABLE", "the seal node is not reachable", Map.of());
            default -> errors.write(exchange.getResponse(), status,
                    status.name(), status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT), Map.of());
        };
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
