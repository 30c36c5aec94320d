package cn.hrss.seal.console.seal;

import cn.hrss.seal.console.node.NodeApi;
import cn.hrss.seal.console.node.NodeSession;
import cn.hrss.seal.console.web.FieldErrors;
import cn.hrss.seal.core.error.SealException;
import jakarta.validation.Valid;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Seals: finding one by esID, its detail with the seal picture and history, and the operator's lifecycle steps
 * (loss, cancel, renew, change, replace), each with a written reason.
 */
@Controller
@RequestMapping("/console/seals")
public class SealPages {
    /** esIDs and internal ids are letters, digits and hyphens; anything else is not looked up. */
    private static final Pattern HANDLE = Pattern.compile("[0-9A-Za-z-]{1,64}");
    private static final List<String> ACTIONS = Arrays.stream(LifecycleForm.Action.values())
            .map(LifecycleForm.Action::path).toList();

    private final NodeApi api;

    SealPages(NodeApi api) {
        this.api = api;
    }

    @GetMapping
    String find(@RequestParam(required = false) String esId, Model model) {
        if (esId != null && HANDLE.matcher(esId.strip()).matches()) {
            return "redirect:/console/seals/" + esId.strip();
        }
        model.addAttribute("invalid", esId != null);
        return "console/seals";
    }

    @GetMapping("/{esId}")
    String detail(@PathVariable String esId, @AuthenticationPrincipal NodeSession me, Model model) {
        Seal seal = api.get(me, u -> u.path("/api/v1/seals/{esId}").build(esId), Seal.class);
        model.addAttribute("seal", seal);
        model.addAttribute("actions", ACTIONS);
        if (!model.containsAttribute("step")) {
            model.addAttribute("step", LifecycleForm.empty());
        }
        return "console/seal";
    }

    /** The seal picture through the console, which holds the API token the browser does not have. */
    @GetMapping("/{esId}/picture")
    ResponseEntity<byte[]> picture(@PathVariable String esId, @AuthenticationPrincipal NodeSession me) {
        byte[] png = api.bytes(me, u -> u.path("/api/v1/seals/{esId}/picture").build(esId));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore()).body(png);
    }

    @PostMapping("/{esId}/{action}")
    String step(@PathVariable String esId, @PathVariable String action,
                @Valid @ModelAttribute("step") LifecycleForm step, BindingResult errors,
                @AuthenticationPrincipal NodeSession me, Model model, RedirectAttributes next) {
        LifecycleForm.Action chosen = LifecycleForm.Action.of(action);
        if (chosen == null || !HANDLE.matcher(esId).matches()) {
            throw SealException.notFound("NO_SUCH_STEP", "no lifecycle step " + action);
        }
        if (chosen == LifecycleForm.Action.RENEW && step.validityDays() == null) {
            errors.rejectValue("validityDays", "NotNull");
        }
        if (!errors.hasErrors()) {
            try {
                Map<String, Object> outcome = api.post(me,
                        u -> u.path("/api/v1/seals/{esId}/" + chosen.path()).build(esId), step.body(chosen));
                next.addFlashAttribute("notice", "console.notice.step." + chosen.path());
                next.addFlashAttribute("successorApplicationId", outcome.get("successorApplicationId"));
                return "redirect:/console/seals/" + esId;
            } catch (SealException e) {
                if (!FieldErrors.bind(e, errors)) {
                    throw e;
                }
            }
        }
        model.addAttribute("failedAction", chosen.path());
        return detail(esId, me, model);
    }
}
