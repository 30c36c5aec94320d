package cn.hrss.seal.contract;

import cn.hrss.seal.accounts.api.SealPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/contract-institutions}: registration, members and deregistration by a business administrator. */
@RestController
@RequestMapping("/api/v1/contract-institutions")
class InstitutionController {
    private final Institutions institutions;

    InstitutionController(Institutions institutions) {
        this.institutions = institutions;
    }

    record RegisterBody(String name, String creditCode, String contactEmail) {
    }

    record MemberBody(String username) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('BUSINESS_ADMIN')")
    Institutions.Institution register(@RequestBody RegisterBody body, @AuthenticationPrincipal SealPrincipal caller) {
        return institutions.register(body.name(), body.creditCode(), body.contactEmail(), caller.id());
    }

    @PostMapping("/{id}/members")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('BUSINESS_ADMIN')")
    void addMember(@PathVariable String id, @RequestBody MemberBody body,
                   @AuthenticationPrincipal SealPrincipal caller) {
        institutions.addMember(id, body.username(), caller.id());
    }

    @PostMapping("/{id}/deregister")
    @PreAuthorize("hasRole('BUSINESS_ADMIN')")
    Institutions.Institution deregister(@PathVariable String id, @AuthenticationPrincipal SealPrincipal caller) {
        return institutions.deregister(id, caller.id());
    }

    /** The whole record, contact address included: for the business administrator. */
    @GetMapping("/{id}")
    @PreAuthorize("hasRole('BUSINESS_ADMIN')")
    Institutions.Institution get(@PathVariable String id) {
        return institutions.require(id);
    }

    /** What an initiator needs to name a party: its id, by credit code; no contact data. */
    @GetMapping
    Institutions.Directory find(@RequestParam String creditCode) {
        Institutions.Institution found = institutions.byCreditCode(creditCode);
        return new Institutions.Directory(found.id(), found.name(), found.creditCode(), found.status());
    }
}
