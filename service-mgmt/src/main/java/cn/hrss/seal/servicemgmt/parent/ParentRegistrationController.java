package cn.hrss.seal.servicemgmt.parent;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A system administrator registers this node with its parent tier and follows the review. */
@RestController
@RequestMapping("/api/v1/parent-registration")
@PreAuthorize("hasRole('SYSTEM_ADMIN')")
class ParentRegistrationController {
    private final ParentRegistrations registrations;

    ParentRegistrationController(ParentRegistrations registrations) {
        this.registrations = registrations;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    ParentRegistration apply(@RequestBody(required = false) ParentRegistrations.Request request) {
        return registrations.apply(request);
    }

    /** The latest application as last seen. */
    @GetMapping
    ParentRegistration latest() {
        return registrations.latest();
    }

    /** Asks the parent now: approved applications get their system certificate. */
    @PostMapping("/refresh")
    ParentRegistration refresh() {
        return registrations.refresh();
    }
}
