package cn.hrss.seal.application.business;

import cn.hrss.seal.accounts.api.SealPrincipal;
import cn.hrss.seal.application.api.DocumentsSigned;
import cn.hrss.seal.application.authorisation.Authorisation;
import cn.hrss.seal.application.authorisation.Authorisations;
import cn.hrss.seal.application.signing.DocumentKind;
import cn.hrss.seal.application.signing.Placement;
import cn.hrss.seal.application.signing.SealSignatures;
import cn.hrss.seal.application.signing.SignedDocument;
import cn.hrss.seal.audit.api.AuditEntry;
import cn.hrss.seal.audit.api.AuditOutcome;
import cn.hrss.seal.audit.api.AuditTrail;
import cn.hrss.seal.core.crypto.Sm3;
import cn.hrss.seal.core.error.SealException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The business API: API clients sign under a standing authorisation, which is the review. Each call: authorisation
 * for (client, seal, purpose) valid now, daily limit, seal status VALID, signature with the node's time stamp, one
 * audit record (document digest, seal, client, authorisation, purpose). Response header {@code Seal-Sign-Id} names
 * the signing in the audit trail.
 */
@RestController
@RequestMapping("/api/v1/sign")
@PreAuthorize("hasRole('API_CLIENT')")
class BusinessSigningController {
    static final String SIGN_ID = "Seal-Sign-Id";
    private static final int MAX_PURPOSE = 200;

    private final Authorisations authorisations;
    private final SealSignatures signatures;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    BusinessSigningController(Authorisations authorisations, SealSignatures signatures, AuditTrail audit,
                              ApplicationEventPublisher events) {
        this.events = events;
        this.authorisations = authorisations;
        this.signatures = signatures;
        this.audit = audit;
    }

    @PostMapping(path = "/pdf", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<byte[]> pdf(@RequestParam(required = false) MultipartFile file, @RequestParam String esId,
                               @RequestParam String purpose, @RequestParam Optional<Integer> page,
                               @RequestParam Optional<Double> x, @RequestParam Optional<Double> y,
                               @RequestParam Optional<String> keyword,
                               @RequestParam(defaultValue = "false") boolean riding,
                               @AuthenticationPrincipal SealPrincipal client) {
        return document(DocumentKind.PDF, file, esId, purpose, new Placement(page, x, y, keyword, riding), client);
    }

    @PostMapping(path = "/ofd", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<byte[]> ofd(@RequestParam(required = false) MultipartFile file, @RequestParam String esId,
                               @RequestParam String purpose, @RequestParam Optional<Integer> page,
                               @RequestParam Optional<Double> x, @RequestParam Optional<Double> y,
                               @RequestParam Optional<String> keyword,
                               @RequestParam(defaultValue = "false") boolean riding,
                               @AuthenticationPrincipal SealPrincipal client) {
        return document(DocumentKind.OFD, file, esId, purpose, new Placement(page, x, y, keyword, riding), client);
    }

    /** A detached SES_Signature over the uploaded {@code file}, or over the data whose SM3 is {@code sm3} (hex). */
    @PostMapping(path = "/data", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<byte[]> data(@RequestParam(required = false) MultipartFile file,
                                @RequestParam(required = false) String sm3, @RequestParam String esId,
                                @RequestParam String purpose, @AuthenticationPrincipal SealPrincipal client) {
        if ((file == null) == (sm3 == null)) {
            throw SealException.badRequest("DATA_REQUIRED", "give either the data as 'file' or its SM3 as 'sm3'");
        }
        byte[] digest = file != null ? Sm3.hash(bytes(file)) : digest(sm3);
        return signed(DocumentKind.DATA, esId, purpose, client, id -> signatures.signData(esId, digest,
                "signId=" + id));
    }

    private ResponseEntity<byte[]> document(DocumentKind kind, MultipartFile file, String esId, String purpose,
                                            Placement placement, SealPrincipal client) {
        if (file == null || file.isEmpty()) {
            throw SealException.badRequest("DOCUMENT_REQUIRED", "upload the " + kind + " as the multipart part 'file'");
        }
        byte[] document = bytes(file);
        return signed(kind, esId, purpose, client, id -> signatures.signDocument(esId, kind, document, placement));
    }

    private ResponseEntity<byte[]> signed(DocumentKind kind, String esId, String purpose, SealPrincipal client,
                                          java.util.function.Function<String, SignedDocument> sign) {
        if (purpose.isBlank() || purpose.length() > MAX_PURPOSE) {
            throw SealException.badRequest("PURPOSE_INVALID", "purpose must be 1.." + MAX_PURPOSE + " characters");
        }
        Authorisation authorisation = authorisations.require(client.id(), esId, purpose);
        Authorisations.Reservation reservation = authorisations.reserve(authorisation);
        String signId = UUID.randomUUID().toString();
        SignedDocument result;
        try {
            result = sign.apply(signId);
        } catch (RuntimeException e) {
            reservation.release();
            throw e;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("signId", signId);
        details.put("kind", kind.name());
        details.put("documentSm3", result.inputSm3());
        details.put("signedSm3", result.signedSm3());
        details.put("sealName", result.sealName());
        details.put("authorisationId", authorisation.id());
        details.put("purpose", purpose);
        audit.record(new AuditEntry("client:" + client.id(), "seal.sign", "seal:" + esId, AuditOutcome.SUCCESS,
                details));
        HexFormat hex = HexFormat.of();
        events.publishEvent(new DocumentsSigned(signId, DocumentsSigned.Flow.AUTHORISED, esId,
                hex.formatHex(Sm3.hash(("client:" + client.id()).getBytes(StandardCharsets.UTF_8))),
                List.of(result.inputSm3()), List.of(result.signedSm3()),
                hex.formatHex(Sm3.hash(authorisation.id().getBytes(StandardCharsets.UTF_8))), result.signedAt(),
                result.timeStampSm3()));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(kind.signedContentType()))
                .header(SIGN_ID, signId).body(result.signed());
    }

    private static byte[] digest(String hex) {
        try {
            byte[] digest = HexFormat.of().parseHex(hex.strip());
            if (digest.length == 32) {
                return digest;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw SealException.badRequest("SM3_DIGEST_INVALID", "sm3 must be 64 hex digits");
    }

    static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw SealException.badRequest("MALFORMED_REQUEST", "the upload could not be read");
        }
    }
}
