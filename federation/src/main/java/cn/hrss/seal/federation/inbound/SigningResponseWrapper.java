package cn.hrss.seal.federation.inbound;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Buffers the response so its exact bytes can be signed, and keeps {@code sendError} inside the buffer: the
 * container's error page would leave the filter and go out unsigned.
 */
final class SigningResponseWrapper extends ContentCachingResponseWrapper {
    private Integer errorStatus;
    private String errorMessage;

    SigningResponseWrapper(HttpServletResponse response) {
        super(response);
    }

    @Override
    public void sendError(int sc) {
        sendError(sc, null);
    }

    @Override
    public void sendError(int sc, String msg) {
        resetBuffer();
        setStatus(sc);
        errorStatus = sc;
        errorMessage = msg;
    }

    Integer errorStatus() {
        return errorStatus;
    }

    String errorMessage() {
        return errorMessage;
    }
}
