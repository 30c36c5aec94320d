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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The business API: API clients sign under a standing authorisation, which is the review. Each call: authorisation
 * for (client, seal, purpose) valid now, daily limit, seal status VALID, signature with the node's time stamp, one
 * audit record (document digest, seal, client, authorisation, purpose). Response header {@code Seal-Sign-Id} names
 * the signing in the audit trail.
 *
 * <p>{@code POST /data/batch} signs up to {@value #MAX_BATCH} digests in one call: one authorisation and status
 * check, the daily limit counted for all of them at once (all or none), one audit record (count and the SM3 of the
 * item list kept in {@code application_signed_items}) and evidence-log leaves naming every digest and signature.
 * Business systems that seal records by the thousand (benefit statements, payment lists) save the per-call cost that
 * otherwise dwarfs the signatures themselves.
 */
@RestController
@RequestMapping("/api/v1/sign")
@PreAuthorize("hasRole('API_CLIENT')")
class BusinessSigningController {
    static final String SIGN_ID = "Seal-Sign-Id";
    static final int MAX_PURPOSE = 200;
    static final int MAX_BATCH = 500;
    static final String BATCH_SIZE_INVALID = "BATCH_SIZE_INVALID";
    /** The batch answer as DER {@code SEQUENCE OF SES_Signature}, in the order of the request. */
    static final String SIGNATURE_LIST_DER = "application/vnd.hrss.ses-signature-list+der";
    private static final MediaType SIGNATURE_LIST = MediaType.parseMediaType(SIGNATURE_LIST_DER);

    private final Authorisations authorisations;
    private final SealSignatures signatures;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final SignedItems items;

    BusinessSigningController(Authorisations authorisations, SealSignatures signatures, AuditTrail audit,
                              ApplicationEventPublisher events, SignedItems items) {
        this.events = events;
        this.items = items;
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
        byte[] digest = file != null ? Sm3.hash(bytes(file)) : digest(sm3, "sm3");
        return signed(DocumentKind.DATA, esId, purpose, client, id -> signatures.signData(esId, digest,
                "signId=" + id));
    }

    /**
     * Detached SES_Signatures over many SM3 digests in one call.
     *
     * @param request {@code esId}, {@code purpose}, {@code sm3}: 1..{@value #MAX_BATCH} hex digests, {@code timeStamp}
     *                (default true): whether each signature carries the node TSA's RFC 3161 token; without it the
     *                signing time is proven by the evidence log's receipt for the batch
     * @return JSON (signId, one entry per digest: its SM3, the base64 DER SES_Signature and that signature's SM3),
     *         or with {@code Accept: }{@value #SIGNATURE_LIST_DER} the DER SEQUENCE OF SES_Signature
     */
    @PostMapping(path = "/data/batch", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = {MediaType.APPLICATION_JSON_VALUE, SIGNATURE_LIST_DER})
    ResponseEntity<?> dataBatch(@RequestBody DataBatch request, @AuthenticationPrincipal SealPrincipal client,
                                @RequestHeader(name = "Accept", required = false) String accept) {
        if (request.esId() == null || request.esId().isBlank()) {
            throw SealException.badRequest("ES_ID_REQUIRED", "esId is required");
        }
        String purpose = request.purpose() == null ? "" : request.purpose();
        List<String> hexDigests = request.sm3() == null ? List.of() : request.sm3();
        if (hexDigests.isEmpty() || hexDigests.size() > MAX_BATCH) {
            throw SealException.badRequest(BATCH_SIZE_INVALID, "sm3 must list 1.." + MAX_BATCH + " digests, not "
                    + hexDigests.size());
        }
        List<byte[]> digests = new ArrayList<>(hexDigests.size());
        for (int i = 0; i < hexDigests.size(); i++) {
            digests.add(digest(hexDigests.get(i), "sm3[" + i + "]"));
        }
        boolean timeStamped = request.timeStamp() == null || request.timeStamp();
        Signing signing = sign(DocumentKind.DATA, request.esId(), purpose, client, digests.size(),
                id -> signatures.signData(request.esId(), digests, i -> "signId=" + id + ";item=" + i, timeStamped));
        if (accept != null && MediaType.parseMediaTypes(accept).stream()
                .anyMatch(m -> m.isCompatibleWith(SIGNATURE_LIST) && !m.isWildcardType())) {
            return ResponseEntity.ok().contentType(SIGNATURE_LIST)
                    .header(SIGN_ID, signing.signId())
                    .body(new SignatureListConverter.SignatureList(signing.results()));
        }
        Base64.Encoder base64 = Base64.getEncoder();
        List<Map<String, String>> items = signing.results().stream().map(r -> Map.of("sm3", r.inputSm3(),
                "signature", base64.encodeToString(r.signed()), "signatureSm3", r.signedSm3())).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("signId", signing.signId());
        body.put("esId", request.esId());
        body.put("timeStamped", timeStamped);
        body.put("signatures", items);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).header(SIGN_ID, signing.signId())
                .body(body);
    }

    /** The body of {@code POST /data/batch}. */
    record DataBatch(String esId, String purpose, List<String> sm3, Boolean timeStamp) {
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
                                          Function<String, SignedDocument> sign) {
        Signing signing = sign(kind, esId, purpose, client, 1, id -> List.of(sign.apply(id)));
        SignedDocument result = signing.results().get(0);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(kind.signedContentType()))
                .header(SIGN_ID, signing.signId()).body(result.signed());
    }

    private record Signing(String signId, List<SignedDocument> results) {
    }

    /** Authorisation, daily limit, the signing itself, then one audit record and one evidence event for all. */
    private Signing sign(DocumentKind kind, String esId, String purpose, SealPrincipal client, int count,
                         Function<String, List<SignedDocument>> sign) {
        if (purpose.isBlank() || purpose.length() > MAX_PURPOSE) {
            throw SealException.badRequest("PURPOSE_INVALID", "purpose must be 1.." + MAX_PURPOSE + " characters");
        }
        Authorisation authorisation = authorisations.require(client.id(), esId, purpose);
        Authorisations.Reservation reservation = authorisations.reserve(authorisation, count);
        String signId = UUID.randomUUID().toString();
        List<SignedDocument> results;
        try {
            results = sign.apply(signId);
        } catch (RuntimeException e) {
            reservation.release();
            throw e;
        }
        List<String> inputs = results.stream().map(SignedDocument::inputSm3).toList();
        List<String> outputs = results.stream().map(SignedDocument::signedSm3).toList();
        List<String> tokens = results.stream().flatMap(r -> r.timeStampSm3().stream()).toList();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("signId", signId);
        details.put("kind", kind.name());
        if (count == 1) {
            details.put("documentSm3", inputs.get(0));
            details.put("signedSm3", outputs.get(0));
        } else {
            // the pairs go to their own table; the record commits to them (audit details stay small)
            String itemsSm3 = items.store(signId, inputs, outputs);
            details.put("count", count);
            details.put("itemsSm3", itemsSm3);
        }
        details.put("sealName", results.get(0).sealName());
        details.put("authorisationId", authorisation.id());
        details.put("purpose", purpose);
        audit.record(new AuditEntry("client:" + client.id(), "seal.sign", "seal:" + esId, AuditOutcome.SUCCESS,
                details));
        HexFormat hex = HexFormat.of();
        events.publishEvent(new DocumentsSigned(signId, DocumentsSigned.Flow.AUTHORISED, esId,
                hex.formatHex(Sm3.hash(("client:" + client.id()).getBytes(StandardCharsets.UTF_8))),
                inputs, outputs, hex.formatHex(Sm3.hash(authorisation.id().getBytes(StandardCharsets.UTF_8))),
                results.get(0).signedAt(), tokens));
        return new Signing(signId, results);
    }

    private static byte[] digest(String hex, String name) {
        if (hex != null) {
            try {
                byte[] digest = HexFormat.of().parseHex(hex.strip());
                if (digest.length == 32) {
                    return digest;
                }
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        throw SealException.badRequest("SM3_DIGEST_INVALID", name + " must be 64 hex digits");
    }

    static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw SealException.badRequest("MALFORMED_REQUEST", "the upload could not be read");
        }
    }
}
