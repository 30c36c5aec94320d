package cn.hrss.seal.servicemgmt.registration;

import cn.hrss.seal.core.error.SealException;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Review of registrations by the upper tier's system administrators. */
@RestController
@RequestMapping("/api/v1/registrations")
@PreAuthorize("hasRole('SYSTEM_ADMIN')")
class RegistrationController {
    private final RegistrationService registrations;

    RegistrationController(RegistrationService registrations) {
        this.registrations = registrations;
    }

    record Review(String decision, String opinion) {
    }

    @GetMapping
    List<Registration> list(@RequestParam(required = false) String status) {
        Optional<RegistrationStatus> filter;
        try {
            filter = Optional.ofNullable(status).map(RegistrationStatus::valueOf);
        } catch (IllegalArgumentException e) {
            throw SealException.badRequest("REGISTRATION_INVALID", "unknown status " + status);
        }
        return registrations.list(filter);
    }

    @GetMapping("/{id}")
    Registration get(@PathVariable String id) {
        return registrations.find(id);
    }

    /** {@code {"decision":"APPROVE"|"REJECT","opinion":"..."}}. */
    @PostMapping("/{id}/review")
    Registration review(@PathVariable String id, @RequestBody Review review, Principal caller) {
        if (review == null || review.decision() == null
                || (review.opinion() != null && review.opinion().length() > 512)) {
            throw SealException.badRequest("REGISTRATION_INVALID", "decision APPROVE or REJECT, opinion up to 512");
        }
        return switch (review.decision()) {
            case "APPROVE" -> registrations.approve(id, review.opinion(), caller.getName());
            case "REJECT" -> registrations.reject(id, review.opinion(), caller.getName());
            default -> throw SealException.badRequest("REGISTRATION_INVALID", "decision APPROVE or REJECT");
        };
    }

    @PostMapping("/{id}/deregistration")
    Registration deregister(@PathVariable String id, Principal caller) {
        return registrations.deregister(id, caller.getName());
    }
}
