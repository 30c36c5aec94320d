package cn.hrss.seal.console.security;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.ui.Model;

import java.util.Set;

/** The login form and the page a user sees when his roles do not allow a page. */
@Controller
@RequestMapping("/console")
class LoginPage {
    private static final Set<String> REASONS = Set.of("bad", "locked", "disabled", "unavailable", "expired");

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, Model model) {
        if (error != null) {
            model.addAttribute("loginError", REASONS.contains(error) ? error : "bad");
        }
        return "console/login";
    }

    @RequestMapping("/denied")
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String denied() {
        return "console/denied";
    }
}
