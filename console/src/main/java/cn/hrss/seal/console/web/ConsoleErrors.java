package cn.hrss.seal.console.web;

import cn.hrss.seal.core.error.SealException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Errors on console pages become pages, not the API's JSON: the node's stable code is looked up in the console's
 * messages (falling back to the node's text). Runs before the node-wide JSON error handler for console controllers.
 */
@ControllerAdvice(basePackages = "cn.hrss.seal.console")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {
    private static final Logger log = LoggerFactory.getLogger(ConsoleErrors.class);

    @ExceptionHandler(SealException.class)
    String failed(SealException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (e.httpStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            // the node session behind the console ended (maximum lifetime, password or role change): sign in again
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            return "redirect:/console/login?error=expired";
        }
        return page(response, model, e.httpStatus(), e.code(), e.getMessage());
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    String badRequest(Exception e, HttpServletResponse response, Model model) {
        return page(response, model, HttpServletResponse.SC_BAD_REQUEST, "BAD_REQUEST", e.getMessage());
    }

    @ExceptionHandler(ResourceAccessException.class)
    String unavailable(ResourceAccessException e, HttpServletResponse response, Model model) {
        log.warn("the console cannot reach the node's API", e);
        return page(response, model, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "NODE_API_UNAVAILABLE",
                "the node's API cannot be reached");
    }

    /** Left to Spring Security, which shows the console's 403 page. */
    @ExceptionHandler(AccessDeniedException.class)
    void denied(AccessDeniedException e) {
        throw e;
    }

    private static String page(HttpServletResponse response, Model model, int status, String code, String message) {
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("code", code);
        model.addAttribute("message", message);
        return "console/error";
    }
}
