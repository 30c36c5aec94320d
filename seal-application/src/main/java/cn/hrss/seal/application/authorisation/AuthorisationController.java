package cn.hrss.seal.application.authorisation;

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

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@code /api/v1/authorisations}: business administrators grant and revoke standing authorisations. */
@RestController
@RequestMapping("/api/v1/authorisations")
@PreAuthorize("hasRole('BUSINESS_ADMIN')")
class AuthorisationController {
    private final Authorisations authorisations;

    AuthorisationController(Authorisations authorisations) {
        this.authorisations = authorisations;
    }

    record GrantRequest(String clientId, String esId, List<String> purposes, Instant validUntil, Integer dailyLimit) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Authorisation grant(@RequestBody GrantRequest request, @AuthenticationPrincipal SealPrincipal caller) {
        return authorisations.grant(request.clientId(), request.esId(), request.purposes(), request.validUntil(),
                request.dailyLimit(), caller.id());
    }

    @GetMapping
    List<Authorisation> list(@RequestParam Optional<String> clientId) {
        return authorisations.list(clientId);
    }

    @GetMapping("/{id}")
    Authorisation get(@PathVariable String id) {
        return authorisations.find(id);
    }

    @PostMapping("/{id}/revoke")
    Authorisation revoke(@PathVariable String id, @AuthenticationPrincipal SealPrincipal caller) {
        return authorisations.revoke(id, caller.id());
    }
}
