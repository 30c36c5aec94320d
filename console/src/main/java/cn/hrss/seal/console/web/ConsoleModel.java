package cn.hrss.seal.console.web;

import cn.hrss.seal.console.node.NodeSession;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every console page's frame needs: the page's own path (for the language links) and the signed-in user. */
@ControllerAdvice(basePackages = "cn.hrss.seal.console")
class ConsoleModel {

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    @ModelAttribute("me")
    NodeSession me(@AuthenticationPrincipal NodeSession session) {
        return session;
    }
}
