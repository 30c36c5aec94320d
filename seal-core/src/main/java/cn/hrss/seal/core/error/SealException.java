package cn.hrss.seal.core.error;

import java.util.Map;

/**
 * A failure with a stable, documented error code that clients can rely on, the HTTP status it maps to, and
 * optional details. The web layer renders it as {@code {"code","message","details"}}.
 */
public class SealException extends RuntimeException {
    private final String code;
    private final int httpStatus;
    private final Map<String, Object> details;

    public SealException(String code, int httpStatus, String message) {
        this(code, httpStatus, message, Map.of(), null);
    }

    public SealException(String code, int httpStatus, String message, Map<String, Object> details, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.httpStatus = httpStatus;
        this.details = details == null ? Map.of() : Map.copyOf(details);
    }

    public static SealException badRequest(String code, String message) {
        return new SealException(code, 400, message);
    }

    public static SealException notFound(String code, String message) {
        return new SealException(code, 404, message);
    }

    public static SealException conflict(String code, String message) {
        return new SealException(code, 409, message);
    }

    public static SealException forbidden(String code, String message) {
        return new SealException(code, 403, message);
    }

    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public Map<String, Object> details() {
        return details;
    }
}
