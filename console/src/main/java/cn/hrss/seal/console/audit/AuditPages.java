package cn.hrss.seal.console.audit;

import cn.hrss.seal.console.node.NodeApi;
import cn.hrss.seal.console.node.NodeSession;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The audit administrator's pages: the chain's records, newest first, and a verification of the whole chain. */
@Controller
@RequestMapping("/console/audit")
public class AuditPages {
    private static final int PAGE_SIZE = 50;

    private final NodeApi api;

    AuditPages(NodeApi api) {
        this.api = api;
    }

    /** One record; {@code details} is the stored canonical JSON, shown as text. */
    record Entry(long seq, Instant recordedAt, String actor, String action, String target, String outcome,
                 JsonNode details, String hash) {
    }

    record Page(List<Entry> items, long total, int page, int size) {
        public boolean hasNext() {
            return (long) (page + 1) * size < total;
        }
    }

    /** Result of {@code GET /api/v1/audit/verify}. */
    record Verification(boolean intact, long recordsChecked, long checkpointsChecked, long lastCheckpointSeq,
                        Long firstBrokenSeq, String problem, String reason) {
    }

    @GetMapping
    String records(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                   @RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal NodeSession me, Model model) {
        int shown = Math.max(0, page);
        Page records = api.get(me, u -> u.path("/api/v1/audit/records")
                .queryParamIfPresent("actor", blankToEmpty(actor))
                .queryParamIfPresent("action", blankToEmpty(action))
                .queryParam("page", shown).queryParam("size", PAGE_SIZE).build(), Page.class);
        model.addAttribute("records", records);
        model.addAttribute("actor", actor);
        model.addAttribute("action", action);
        return "console/audit";
    }

    @GetMapping("/verify")
    String verify(@AuthenticationPrincipal NodeSession me, Model model) {
        model.addAttribute("verification", api.get(me, u -> u.path("/api/v1/audit/verify").build(),
                Verification.class));
        return "console/audit-verify";
    }

    private static Optional<String> blankToEmpty(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
    }
}
