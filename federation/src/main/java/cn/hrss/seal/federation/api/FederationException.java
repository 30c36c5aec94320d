package cn.hrss.seal.federation.api;

/**
 * A call to another node that produced no verified response: unreachable, timed out, or the response failed
 * verification ({@link #code()} is then the MESSAGE_* code, otherwise FEDERATION_UNREACHABLE or
 * FEDERATION_DESTINATION_UNKNOWN).
 */
public class FederationException extends RuntimeException {
    private final String code;

    public FederationException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
