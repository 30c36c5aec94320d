package cn.hrss.seal.console.federation;

import cn.hrss.seal.console.node.NodeApi;
import cn.hrss.seal.console.node.NodeSession;
import cn.hrss.seal.core.error.SealException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The system administrator's view of the federation: this node's own registration with its parent, the lower
 * systems that applied here (with review), the outbox per destination, and the evidence log (checkpoints, witness
 * status per child with alarms, chain anchoring). A part the node does not run (a city has
 * no registrations, the ministry no parent) is simply not shown.
 */
@Controller
@RequestMapping("/console/federation")
public class FederationPages {
    /** Codes meaning "this part is not on this node", not errors to show. */
    private static final Set<String> ABSENT = Set.of("PARENT_NOT_CONFIGURED", "PARENT_REGISTRATION_NOT_FOUND",
            "NOT_FOUND", "NODE_API_ERROR");

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private final NodeApi api;

    FederationPages(NodeApi api) {
        this.api = api;
    }

    @GetMapping
    String overview(@AuthenticationPrincipal NodeSession me, Model model) {
        model.addAttribute("parent", optional(() -> api.get(me, u -> u.path("/api/v1/parent-registration").build(),
                JsonNode.class)).orElse(null));
        model.addAttribute("registrations", optional(() -> api.get(me, u -> u.path("/api/v1/registrations").build(),
                JsonNode.class)).orElse(null));
        model.addAttribute("outbox", optional(() -> api.get(me, u -> u.path("/api/v1/federation/outbox").build(),
                JsonNode.class)).map(o -> o.path("destinations")).orElse(null));
        model.addAttribute("evidence", optional(() -> api.get(me, u -> u.path("/api/v1/evidence-operations").build(),
                JsonNode.class)).orElse(null));
        return "console/federation";
    }

    /** Runs the access test of a lower system with this node's key; shows each case and the signed report. */
    @PostMapping("/access-tests")
    String accessTest(@RequestParam String targetBaseUrl, @AuthenticationPrincipal NodeSession me, Model model) {
        Map<String, Object> run = api.post(me, u -> u.path("/api/v1/access-tests").build(),
                Map.of("targetBaseUrl", targetBaseUrl));
        model.addAttribute("run", JSON.valueToTree(run));
        return "console/access-test";
    }

    @PostMapping("/parent/refresh")
    String refreshParent(@AuthenticationPrincipal NodeSession me, RedirectAttributes next) {
        api.post(me, u -> u.path("/api/v1/parent-registration/refresh").build(), null);
        next.addFlashAttribute("notice", "federation.refreshed");
        return "redirect:/console/federation";
    }

    @PostMapping("/registrations/{id}/review")
    String review(@PathVariable String id, @RequestParam String decision, @RequestParam(required = false) String opinion,
                  @AuthenticationPrincipal NodeSession me, RedirectAttributes next) {
        if (!List.of("APPROVE", "REJECT").contains(decision)) {
            throw SealException.badRequest("REGISTRATION_INVALID", "decision APPROVE or REJECT");
        }
        api.post(me, u -> u.path("/api/v1/registrations/{id}/review").build(id),
                Map.of("decision", decision, "opinion", opinion == null ? "" : opinion));
        next.addFlashAttribute("notice", "APPROVE".equals(decision) ? "federation.approved" : "federation.rejected");
        return "redirect:/console/federation";
    }

    private static Optional<JsonNode> optional(java.util.function.Supplier<JsonNode> call) {
        try {
            return Optional.ofNullable(call.get());
        } catch (SealException e) {
            if (ABSENT.contains(e.code()) || e.httpStatus() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
