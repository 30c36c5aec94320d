package cn.hrss.seal.application.request;

import cn.hrss.seal.accounts.api.Role;
import cn.hrss.seal.accounts.api.SealPrincipal;
import cn.hrss.seal.application.signing.DocumentKind;
import cn.hrss.seal.application.signing.Placement;
import cn.hrss.seal.core.error.SealException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@code /api/v1/sign-requests}: file, review and sign requests to use a seal. */
@RestController
@RequestMapping("/api/v1/sign-requests")
class SignRequestController {
    private final SignRequests requests;
    private final SignRequestStore store;

    SignRequestController(SignRequests requests, SignRequestStore store) {
        this.requests = requests;
        this.store = store;
    }

    record PlacementBody(Integer page, Double x, Double y, String keyword, Boolean riding) {
        Placement toPlacement() {
            return new Placement(Optional.ofNullable(page), Optional.ofNullable(x), Optional.ofNullable(y),
                    Optional.ofNullable(keyword), Boolean.TRUE.equals(riding));
        }
    }

    record DocumentBody(String name, String type, String contentBase64, PlacementBody placement) {
    }

    record SubmitBody(String esId, String purpose, List<DocumentBody> documents) {
    }

    record OpinionBody(String opinion) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('SEAL_OPERATOR')")
    SignRequestView submit(@RequestBody SubmitBody body, @AuthenticationPrincipal SealPrincipal caller) {
        if (body.documents() == null || body.documents().size() > SignRequests.MAX_DOCUMENTS) {
            throw SealException.badRequest(SignRequests.INVALID, "1.." + SignRequests.MAX_DOCUMENTS + " documents");
        }
        List<SignRequests.NewDocument> documents = new ArrayList<>();
        for (DocumentBody d : body.documents()) {
            if (d == null) {
                throw SealException.badRequest(SignRequests.INVALID, "a document is null");
            }
            documents.add(new SignRequests.NewDocument(d.name(), kind(d.type()), content(d),
                    Optional.ofNullable(d.placement()).map(PlacementBody::toPlacement)));
        }
        return requests.submit(body.esId(), body.purpose(), documents, caller.id());
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('SEAL_OPERATOR', 'SEAL_REVIEWER')")
    List<SignRequestView> list(@RequestParam Optional<String> status, @AuthenticationPrincipal SealPrincipal caller) {
        Optional<SignRequests.Status> wanted = status.map(SignRequestController::status);
        // operators see their own requests; reviewers see every request
        return store.list(wanted, caller.has(Role.SEAL_REVIEWER) ? Optional.empty() : Optional.of(caller.id()));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('SEAL_OPERATOR', 'SEAL_REVIEWER')")
    SignRequestView get(@PathVariable String id, @AuthenticationPrincipal SealPrincipal caller) {
        SignRequestView view = store.view(id);
        if (!caller.has(Role.SEAL_REVIEWER) && !view.applicant().equals(caller.id())) {
            throw SealException.notFound(SignRequests.NOT_FOUND, "no sign request " + id);
        }
        return view;
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize("hasRole('SEAL_REVIEWER')")
    SignRequestView approve(@PathVariable String id, @RequestBody OpinionBody body,
                            @AuthenticationPrincipal SealPrincipal caller) {
        return requests.review(id, true, body.opinion(), caller.id());
    }

    @PostMapping("/{id}/reject")
    @PreAuthorize("hasRole('SEAL_REVIEWER')")
    SignRequestView reject(@PathVariable String id, @RequestBody OpinionBody body,
                           @AuthenticationPrincipal SealPrincipal caller) {
        return requests.review(id, false, body.opinion(), caller.id());
    }

    @PostMapping("/{id}/sign")
    @PreAuthorize("hasRole('SEAL_OPERATOR')")
    SignRequestView sign(@PathVariable String id, @AuthenticationPrincipal SealPrincipal caller) {
        return requests.sign(id, caller.id());
    }

    @GetMapping("/{id}/documents/{index}")
    @PreAuthorize("hasAnyRole('SEAL_OPERATOR', 'SEAL_REVIEWER')")
    ResponseEntity<byte[]> download(@PathVariable String id, @PathVariable int index,
                                    @AuthenticationPrincipal SealPrincipal caller) {
        SignRequestView view = get(id, caller);
        SignRequestView.DocumentView document = view.documents().stream().filter(d -> d.index() == index)
                .findFirst().orElseThrow(() -> SealException.notFound("SIGNED_DOCUMENT_NOT_FOUND",
                        "sign request " + id + " has no document " + index));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(DocumentKind.valueOf(document.type()).signedContentType()))
                .body(store.signedContent(id, index));
    }

    private static DocumentKind kind(String type) {
        try {
            return DocumentKind.valueOf(String.valueOf(type).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw SealException.badRequest(SignRequests.INVALID, "document type must be PDF, OFD or DATA");
        }
    }

    private static byte[] content(DocumentBody d) {
        try {
            return Base64.getDecoder().decode(String.valueOf(d.contentBase64()));
        } catch (IllegalArgumentException e) {
            throw SealException.badRequest(SignRequests.INVALID, "contentBase64 of '" + d.name()
                    + "' is not base64");
        }
    }

    private static SignRequests.Status status(String value) {
        try {
            return SignRequests.Status.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw SealException.badRequest(SignRequests.INVALID, "status must be one of SUBMITTED, APPROVED, "
                    + "REJECTED, SIGNED");
        }
    }
}
