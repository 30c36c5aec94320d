package cn.hrss.seal.accounts.session;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * Authenticates {@code Authorization: Bearer TOKEN}. A missing, unknown or expired token leaves the request
 * anonymous: public paths still work, protected ones get the 401 of the entry point, which reads
 * {@link #REJECTED_TOKEN} to say why. Not a bean, so the servlet container does not run it outside the chain.
 */
public final class BearerTokenFilter extends OncePerRequestFilter {
    /** Request attribute set when a bearer token was sent but not accepted. */
    public static final String REJECTED_TOKEN = BearerTokenFilter.class.getName() + ".rejected";
    private static final String PREFIX = "bearer ";

    private final Sessions sessions;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    public BearerTokenFilter(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            Optional<BearerAuthentication> auth = OpaqueToken.parse(header.substring(PREFIX.length()).trim())
                    .flatMap(sessions::resolve);
            if (auth.isPresent()) {
                SecurityContext context = contexts.createEmptyContext();
                context.setAuthentication(auth.get());
                contexts.setContext(context);
            } else {
                request.setAttribute(REJECTED_TOKEN, Boolean.TRUE);
            }
        }
        chain.doFilter(request, response);
    }
}
