package cn.hrss.seal.application.portal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses an upload to the portal that is larger than the limit before Spring parses it: a body beyond Spring's
 * multipart limit would otherwise end as the API's JSON error instead of the portal's form. The body is read and
 * dropped (up to a bound) so that the browser gets the page instead of a reset connection; the request then goes on
 * without its multipart content and marked {@link #TOO_LARGE} for the controller.
 */
final class PortalUploadLimit extends OncePerRequestFilter {
    static final String TOO_LARGE = PortalUploadLimit.class.getName() + ".TOO_LARGE";
    /** Room for the multipart headers and the form's other fields around the file. */
    private static final long MULTIPART_OVERHEAD = 16 * 1024;

    private final long maxBytes;

    PortalUploadLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        if (length <= maxBytes + MULTIPART_OVERHEAD) {
            chain.doFilter(request, response);
            return;
        }
        drain(request.getInputStream(), Math.min(length, 4 * maxBytes + MULTIPART_OVERHEAD));
        request.setAttribute(TOO_LARGE, Boolean.TRUE);
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getContentType() {
                return null; // no multipart parsing of what was dropped
            }
        }, response);
    }

    private static void drain(ServletInputStream in, long bound) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long read = 0;
        for (int n; read < bound && (n = in.read(buffer)) > 0; ) {
            read += n;
        }
    }
}
