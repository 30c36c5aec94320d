package cn.hrss.seal.console.user;

import cn.hrss.seal.console.node.NodeApi;
import cn.hrss.seal.console.node.NodeSession;
import cn.hrss.seal.console.web.FieldErrors;
import cn.hrss.seal.core.error.SealException;
import jakarta.validation.Valid;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** User administration for the system administrator: the accounts and a form to create one with its roles. */
@Controller
@RequestMapping("/console/users")
public class UserPages {
    /** Refusals of {@code POST /api/v1/users} that concern one field of the form. */
    private static final Map<String, String> FIELD_OF = Map.of(
            "WEAK_PASSWORD", "password",
            "USERNAME_TAKEN", "username",
            "ROLE_CONFLICT", "roles",
            "ROLE_REQUIRED", "roles",
            "UNKNOWN_ROLE", "roles",
            "ROLE_NOT_ASSIGNABLE", "roles");
    private static final Set<String> OWN_CODES = FIELD_OF.keySet();

    private final NodeApi api;

    UserPages(NodeApi api) {
        this.api = api;
    }

    @GetMapping
    String list(@AuthenticationPrincipal NodeSession me, Model model) {
        model.addAttribute("form", NewUserForm.empty());
        return page(me, model);
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") NewUserForm form, BindingResult errors,
                  @AuthenticationPrincipal NodeSession me, Model model, RedirectAttributes next) {
        if (!errors.hasErrors()) {
            try {
                api.post(me, u -> u.path("/api/v1/users").build(), form.body());
                next.addFlashAttribute("notice", "console.notice.userCreated");
                return "redirect:/console/users";
            } catch (SealException e) {
                if (OWN_CODES.contains(e.code())) {
                    errors.rejectValue(FIELD_OF.get(e.code()), "console.error." + e.code(), e.getMessage());
                } else if (!FieldErrors.bind(e, errors)) {
                    throw e;
                }
            }
        }
        return page(me, model);
    }

    /** The page; the form (with its errors) is already in the model, and the password is never sent back. */
    private String page(NodeSession me, Model model) {
        List<User> users = api.get(me, u -> u.path("/api/v1/users").build(), new ParameterizedTypeReference<>() {
        });
        model.addAttribute("users", users);
        model.addAttribute("assignableRoles", NewUserForm.ASSIGNABLE);
        return "console/users";
    }
}
