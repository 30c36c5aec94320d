package cn.hrss.seal.accounts.security;

import cn.hrss.seal.accounts.session.BearerTokenFilter;
import cn.hrss.seal.web.ApiError;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.io.IOException;
import java.util.Map;

/**
 * Renders the security chain's 401 and 403, and the firewall's rejection of malformed paths (double slashes,
 * encoded separators, ...), with the contract's error body, the same one controllers produce through the shared
 * error handler.
 */
final class ApiErrorWriter implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {
    private final ObjectMapper json;

    ApiErrorWriter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        boolean rejected = request.getAttribute(BearerTokenFilter.REJECTED_TOKEN) != null;
        response.setHeader("WWW-Authenticate", rejected ? "Bearer error=\"invalid_token\"" : "Bearer");
        write(response, HttpServletResponse.SC_UNAUTHORIZED, new ApiError("UNAUTHENTICATED",
                rejected ? "bearer token is unknown or expired" : "a bearer token is required", Map.of()));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(response, HttpServletResponse.SC_FORBIDDEN,
                new ApiError("FORBIDDEN", "the caller's roles do not allow this", Map.of()));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        write(response, HttpServletResponse.SC_BAD_REQUEST,
                new ApiError("MALFORMED_REQUEST_PATH", "the request path is not acceptable", Map.of()));
    }

    private void write(HttpServletResponse response, int status, ApiError error) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), error);
    }
}
