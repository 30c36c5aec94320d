package cn.hrss.seal.gateway;

import java.util.Map;
import org.springframework.http.HttpStatus;

/** A request the gateway refuses itself; rendered as the contract's JSON error by {@link GatewayErrorHandler}. */
final class GatewayRejection extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final Map<String, Object> details;

    GatewayRejection(HttpStatus status, String code, String message, Map<String, Object> details) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.details = Map.copyOf(details);
    }

    static GatewayRejection tooLarge(long maxBytes) {
        return new GatewayRejection(HttpStatus.PAYLOAD_TOO_LARGE, "REQUEST_TOO_LARGE",
                "request body exceeds " + maxBytes + " bytes", Map.of("maxBytes", maxBytes));
    }

    HttpStatus status() {
        return status;
    }

    String code() {
        return code;
    }

    Map<String, Object> details() {
        return details;
    }
}
