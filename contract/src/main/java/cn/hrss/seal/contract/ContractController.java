package cn.hrss.seal.contract;

import cn.hrss.seal.accounts.api.SealPrincipal;
import cn.hrss.seal.core.error.SealException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/contracts}, {@code /api/v1/contract-links/{token}} and {@code /api/v1/contract-messages}: for users
 * acting for a registered institution, who see only their institution's contracts.
 */
@RestController
class ContractController {
    private final Institutions institutions;
    private final Contracts contracts;
    private final ContractSigning signing;
    private final ContractReading reading;

    ContractController(Institutions institutions, Contracts contracts, ContractSigning signing,
                       ContractReading reading) {
        this.institutions = institutions;
        this.contracts = contracts;
        this.signing = signing;
        this.reading = reading;
    }

    record PartyBody(String institutionId, String esId, String notifyEmail) {
    }

    record CreateBody(String title, String contentBase64, String signingOrder, String deadline,
                      List<PartyBody> parties) {
    }

    record ReasonBody(String reason) {
    }

    record SignRequestBody(String purpose) {
    }

    @PostMapping("/api/v1/contracts")
    @ResponseStatus(HttpStatus.CREATED)
    ContractReading.ContractView create(@RequestBody CreateBody body, @AuthenticationPrincipal SealPrincipal caller) {
        Institutions.Member member = institutions.member(caller);
        List<Contracts.NewParty> parties = new ArrayList<>();
        if (body.parties() != null) {
            for (PartyBody p : body.parties()) {
                parties.add(p == null ? null : new Contracts.NewParty(p.institutionId(), p.esId(), p.notifyEmail()));
            }
        }
        String id = contracts.create(new Contracts.NewContract(body.title(), decode(body.contentBase64()),
                order(body.signingOrder()), instant("deadline", body.deadline()).orElse(null),
                body.parties() == null ? null : parties), member).id();
        return reading.afterChange(id);
    }

    @GetMapping("/api/v1/contracts")
    ContractStore.Page<ContractReading.ContractView> list(@RequestParam Optional<String> party,
                                                          @RequestParam Optional<String> status,
                                                          @RequestParam Optional<String> from,
                                                          @RequestParam Optional<String> to,
                                                          @RequestParam Optional<Integer> page,
                                                          @RequestParam Optional<Integer> size,
                                                          @AuthenticationPrincipal SealPrincipal caller) {
        Institutions.Member member = institutions.member(caller);
        int p = page.orElse(0);
        int s = size.orElse(20);
        if (p < 0 || p > 100_000 || s < 1 || s > 100) {
            throw SealException.badRequest(Contracts.INVALID, "page >= 0 and size 1..100");
        }
        return reading.list(member, party, status.map(ContractController::status),
                from.flatMap(f -> instant("from", f)),
                to.flatMap(t -> instant("to", t)), p, s);
    }

    @GetMapping("/api/v1/contracts/{id}")
    ContractReading.ContractView get(@PathVariable String id, @AuthenticationPrincipal SealPrincipal caller) {
        return reading.view(id, institutions.member(caller));
    }

    @GetMapping("/api/v1/contracts/{id}/document")
    ResponseEntity<byte[]> document(@PathVariable String id, @AuthenticationPrincipal SealPrincipal caller) {
        ContractReading.Document d = reading.download(id, institutions.member(caller));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(d.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(d.fileName())
                        .build().toString())
                .body(d.content());
    }

    @GetMapping("/api/v1/contracts/{id}/evidence")
    ContractReading.EvidenceReport evidence(@PathVariable String id, @AuthenticationPrincipal SealPrincipal caller) {
        return reading.evidenceReport(id, institutions.member(caller));
    }

    @PostMapping("/api/v1/contracts/{id}/sign-requests")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('SEAL_OPERATOR')")
    Map<String, String> fileSignRequest(@PathVariable String id, @RequestBody(required = false) SignRequestBody body,
                                        @AuthenticationPrincipal SealPrincipal caller) {
        Optional<String> purpose = Optional.ofNullable(body).map(SignRequestBody::purpose);
        if (purpose.isPresent() && (purpose.get().length() > 200 || !Texts.oneLine(purpose.get()))) {
            throw SealException.badRequest(Contracts.INVALID, "purpose: one line of at most 200 characters");
        }
        return Map.of("signRequestId", signing.fileSignRequest(id, purpose, institutions.member(caller)));
    }

    @PostMapping("/api/v1/contracts/{id}/reject")
    ContractReading.ContractView reject(@PathVariable String id, @RequestBody ReasonBody body,
                                        @AuthenticationPrincipal SealPrincipal caller) {
        Institutions.Member member = institutions.member(caller);
        contracts.reject(id, body.reason(), member);
        return reading.afterChange(id);
    }

    @PostMapping("/api/v1/contracts/{id}/withdraw")
    ContractReading.ContractView withdraw(@PathVariable String id, @RequestBody ReasonBody body,
                                          @AuthenticationPrincipal SealPrincipal caller) {
        Institutions.Member member = institutions.member(caller);
        contracts.withdraw(id, body.reason(), member);
        return reading.afterChange(id);
    }

    @GetMapping("/api/v1/contract-links/{token}")
    ContractReading.LinkView openLink(@PathVariable String token, @AuthenticationPrincipal SealPrincipal caller) {
        return reading.openLink(token, institutions.member(caller));
    }

    @GetMapping("/api/v1/contract-messages")
    List<ContractReading.Message> messages(@RequestParam Optional<Integer> page, @RequestParam Optional<Integer> size,
                                           @AuthenticationPrincipal SealPrincipal caller) {
        int p = page.orElse(0);
        int s = size.orElse(50);
        if (p < 0 || p > 100_000 || s < 1 || s > 200) {
            throw SealException.badRequest(Contracts.INVALID, "page >= 0 and size 1..200");
        }
        return reading.messages(institutions.member(caller), p, s);
    }

    private static byte[] decode(String base64) {
        if (base64 == null) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw SealException.badRequest(Contracts.INVALID, "contentBase64 is not base64");
        }
    }

    private static ContractStore.SigningOrder order(String value) {
        try {
            return value == null ? null : ContractStore.SigningOrder.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw SealException.badRequest(Contracts.INVALID, "signingOrder must be SEQUENTIAL or PARALLEL");
        }
    }

    private static ContractStore.Status status(String value) {
        try {
            return ContractStore.Status.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw SealException.badRequest(Contracts.INVALID, "status must be one of IN_PROGRESS, REJECTED, WITHDRAWN,"
                    + " EXPIRED, ARCHIVED");
        }
    }

    /** ISO-8601 with offset, e.g. 2026-12-31T18:00:00+08:00. */
    private static Optional<Instant> instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException e) {
            throw SealException.badRequest(Contracts.INVALID, name + " must be ISO-8601 with offset");
        }
    }
}
