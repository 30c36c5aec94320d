package cn.hrss.seal.application.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Double-submit token for the upload form. The node's security chain is stateless (bearer tokens, CSRF off) and a
 * verification changes nothing, so the risk is small; still, only a form this portal served may post to it: the
 * token is in a SameSite=Strict, HttpOnly cookie and in a hidden field, and both must be equal.
 */
final class PortalCsrf {
    static final String COOKIE = "portal_csrf";
    static final String FIELD = "csrf";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private PortalCsrf() {
    }

    /** The browser's token if it has a well-formed one, else a new one set as its cookie. */
    static String issue(HttpServletRequest request, HttpServletResponse response) {
        return cookie(request).orElseGet(() -> {
            byte[] random = new byte[32];
            RANDOM.nextBytes(random);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, token).path(PortalController.PATH)
                    .httpOnly(true).secure(request.isSecure()).sameSite("Strict").build().toString());
            return token;
        });
    }

    static boolean matches(HttpServletRequest request) {
        String field = request.getParameter(FIELD);
        return field != null && cookie(request).map(c -> MessageDigest.isEqual(
                c.getBytes(StandardCharsets.US_ASCII), field.getBytes(StandardCharsets.US_ASCII))).orElse(false);
    }

    private static Optional<String> cookie(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return Optional.empty();
        }
        for (var cookie : request.getCookies()) {
            if (COOKIE.equals(cookie.getName()) && WELL_FORMED.matcher(cookie.getValue()).matches()) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }
}
