package cn.hrss.seal.making.lifecycle;

import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code POST /api/v1/seals/{esId}/change|loss|cancel|renew|replace}. */
@RestController
@RequestMapping("/api/v1/seals/{esId}")
class LifecycleController {
    private static final String OPERATOR = "ROLE_SEAL_OPERATOR";

    private final SealLifecycle lifecycle;

    LifecycleController(SealLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @PostMapping("/change")
    @PreAuthorize("hasRole('SEAL_OPERATOR')")
    Map<String, Object> change(@PathVariable String esId, @Valid @RequestBody ChangeRequest request,
                               Authentication caller) {
        return body(lifecycle.change(esId, request, caller.getName()));
    }

    @PostMapping("/loss")
    @PreAuthorize("hasRole('SEAL_OPERATOR')")
    Map<String, Object> loss(@PathVariable String esId, @Valid @RequestBody ReasonRequest request,
                             Authentication caller) {
        return body(lifecycle.reportLoss(esId, request.reason(), request.effectiveFrom(), caller.getName()));
    }

    @PostMapping("/cancel")
    @PreAuthorize("hasRole('SEAL_OPERATOR')")
    Map<String, Object> cancel(@PathVariable String esId, @Valid @RequestBody ReasonRequest request,
                               Authentication caller) {
        return body(lifecycle.cancel(esId, request.reason(), request.effectiveFrom(), caller.getName()));
    }

    @PostMapping("/replace")
    @PreAuthorize("hasRole('SEAL_OPERATOR')")
    Map<String, Object> replace(@PathVariable String esId, @Valid @RequestBody ReasonRequest request,
                                Authentication caller) {
        return body(lifecycle.replace(esId, request.reason(), caller.getName()));
    }

    /** Operators renew; any signed-in caller may present a request signed by the seal key (self-service). */
    @PostMapping("/renew")
    @PreAuthorize("isAuthenticated()")
    Map<String, Object> renew(@PathVariable String esId, @Valid @RequestBody RenewRequest request,
                              Authentication caller) {
        boolean operator = caller.getAuthorities().stream().anyMatch(a -> OPERATOR.equals(a.getAuthority()));
        return body(lifecycle.renew(esId, request, caller.getName(), operator));
    }

    private static Map<String, Object> body(SealLifecycle.Outcome outcome) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("esId", outcome.seal().getEsId());
        body.put("status", outcome.seal().getStatus().name());
        body.put("validTo", outcome.seal().getValidTo());
        if (outcome.successorApplicationId() != null) {
            body.put("successorApplicationId", outcome.successorApplicationId());
        }
        return body;
    }
}
