package cn.hrss.seal.client;

import java.util.Map;

/**
 * An error answer of the node ({@code {"code","message","details"}}, API-CONTRACT.md), or {@code CLIENT_IO} /
 * {@code CLIENT_BAD_RESPONSE} (status 0) when no usable answer came.
 */
public class SealApiException extends RuntimeException {
    private final String code;
    private final int httpStatus;
    private final Map<String, Object> details;

    public SealApiException(String code, int httpStatus, String message, Map<String, Object> details,
                            Throwable cause) {
        super(message, cause);
        this.code = code;
        this.httpStatus = httpStatus;
        this.details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** The node's stable error code, e.g. {@code SEAL_NOT_FOUND}. */
    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public Map<String, Object> details() {
        return details;
    }

    @Override
    public String toString() {
        return "SealApiException[" + httpStatus + " " + code + ": " + getMessage() + "]";
    }
}
