package cn.hrss.seal.application.request;

import cn.hrss.seal.application.api.DocumentsSigned;
import cn.hrss.seal.application.api.ReviewedSignRequests;
import cn.hrss.seal.application.signing.DocumentKind;
import cn.hrss.seal.application.signing.Placement;
import cn.hrss.seal.application.signing.SealSignatures;
import cn.hrss.seal.application.signing.SignedDocument;
import cn.hrss.seal.application.signing.UserKeys;
import cn.hrss.seal.audit.api.AuditEntry;
import cn.hrss.seal.audit.api.AuditOutcome;
import cn.hrss.seal.audit.api.AuditTrail;
import cn.hrss.seal.core.crypto.Sm3;
import cn.hrss.seal.core.error.SealException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reviewed use of a seal (集中用印): an operator files a request (seal, purpose, documents), a reviewer other than
 * the applicant approves or rejects it after checking the seal is usable, and only then the applicant signs, once.
 * Each step is a record signed by the acting user's key and an audit entry naming the document digests.
 */
@Service
class SignRequests implements ReviewedSignRequests {
    static final String NOT_FOUND = "SIGN_REQUEST_NOT_FOUND";
    static final String NOT_SUBMITTED = "SIGN_REQUEST_NOT_SUBMITTED";
    static final String NOT_APPROVED = "SIGN_REQUEST_NOT_APPROVED";
    static final String NOT_APPLICANT = "SIGN_REQUEST_NOT_APPLICANT";
    static final String SEPARATION_OF_DUTIES = "SEPARATION_OF_DUTIES";
    static final String INVALID = "SIGN_REQUEST_INVALID";
    static final int MAX_DOCUMENTS = 20;
    static final int MAX_PURPOSE = 500;
    static final int MAX_OPINION = 1000;

    enum Status { SUBMITTED, APPROVED, REJECTED, SIGNED }

    record NewDocument(String name, DocumentKind kind, byte[] content, Optional<Placement> placement) {
    }

    private final JdbcTemplate jdbc;
    private final SignRequestStore store;
    private final SealSignatures signatures;
    private final UserKeys userKeys;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final org.springframework.beans.factory.ObjectProvider<
            cn.hrss.seal.application.api.SignRequestReviewPolicy> reviewPolicies;

    SignRequests(JdbcTemplate jdbc, SignRequestStore store, SealSignatures signatures, UserKeys userKeys,
                 AuditTrail audit, ApplicationEventPublisher events, Optional<Clock> clock,
                 org.springframework.beans.factory.ObjectProvider<
                         cn.hrss.seal.application.api.SignRequestReviewPolicy> reviewPolicies) {
        this.reviewPolicies = reviewPolicies;
        this.jdbc = jdbc;
        this.events = events;
        this.store = store;
        this.signatures = signatures;
        this.userKeys = userKeys;
        this.audit = audit;
        this.clock = clock.orElseGet(Clock::systemUTC);
    }

    @Transactional
    SignRequestView submit(String esId, String purpose, List<NewDocument> documents, String applicant) {
        validate(esId, purpose, documents);
        String sealName = signatures.requireUsable(esId);
        String id = UUID.randomUUID().toString();
        Instant now = now();
        List<String> digests = documents.stream().map(d -> hex(Sm3.hash(d.content()))).toList();
        StringBuilder text = new StringBuilder(String.join("\n", "HRSS-SEAL-SIGN-REQUEST/1", "id=" + id,
                "esId=" + esId, "sealName=" + sealName, "purpose=" + purpose, "applicant=" + applicant,
                "requestedAt=" + now));
        for (int i = 0; i < documents.size(); i++) {
            text.append("\ndocument.").append(i).append('=').append(documents.get(i).kind()).append(' ')
                    .append(digests.get(i));
        }
        UserKeys.SignedRecord record = userKeys.sign(applicant, text.toString());
        jdbc.update("INSERT INTO application_sign_request (id, es_id, seal_name, purpose, status, applicant,"
                        + " requested_at, request_record, request_signature, request_public_key)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, esId, sealName, purpose,
                Status.SUBMITTED.name(), applicant, Timestamp.from(now), record.text(), record.signature(),
                record.publicKey());
        for (int i = 0; i < documents.size(); i++) {
            NewDocument d = documents.get(i);
            jdbc.update("INSERT INTO application_sign_document (request_id, position, name, kind, placement, content,"
                    + " content_sm3) VALUES (?, ?, ?, ?, ?, ?, ?)", id, i, d.name(), d.kind().name(),
                    d.placement().map(SignRequestStore::encode).orElse(null), d.content(), digests.get(i));
        }
        audit.record(new AuditEntry("user:" + applicant, "sign-request.submit", "seal:" + esId,
                AuditOutcome.SUCCESS, details(id, sealName, purpose, digests, record)));
        return store.view(id);
    }

    /** For other modules: the same submission, documents given through the api package. */
    @Override
    @Transactional
    public String file(String esId, String purpose, List<ReviewedSignRequests.Document> documents,
                       String applicant) {
        if (documents == null) {
            throw SealException.badRequest(INVALID, "1.." + MAX_DOCUMENTS + " documents");
        }
        List<NewDocument> converted = new ArrayList<>();
        for (ReviewedSignRequests.Document d : documents) {
            DocumentKind kind;
            try {
                kind = DocumentKind.valueOf(String.valueOf(d.type()));
            } catch (IllegalArgumentException e) {
                throw SealException.badRequest(INVALID, "document type must be PDF, OFD or DATA");
            }
            converted.add(new NewDocument(d.name(), kind, d.content(), Optional.ofNullable(d.stamp())
                    .map(s -> Placement.at(s.page(), s.x(), s.y()))));
        }
        return submit(esId, purpose, converted, applicant).id();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> status(String signRequestId) {
        return jdbc.queryForList("SELECT status FROM application_sign_request WHERE id = ?", String.class,
                signRequestId).stream().findFirst();
    }

    @Override
    @Transactional(readOnly = true)
    public byte[] signedDocument(String signRequestId, int position) {
        return store.signedContent(signRequestId, position);
    }

    @Transactional
    SignRequestView review(String id, boolean approve, String opinion, String reviewer) {
        if (opinion == null || opinion.isBlank() || opinion.length() > MAX_OPINION || !oneLine(opinion)) {
            throw SealException.badRequest(INVALID, "opinion is required: one line of at most " + MAX_OPINION
                    + " characters");
        }
        SignRequestStore.Row request = store.lock(id);
        if (request.applicant().equals(reviewer)) {
            audit.record(new AuditEntry("user:" + reviewer, "sign-request.review", "sign-request:" + id,
                    AuditOutcome.DENIED, Map.of("reason", SEPARATION_OF_DUTIES)));
            throw SealException.forbidden(SEPARATION_OF_DUTIES, "the applicant may not review the sign request");
        }
        if (request.status() != Status.SUBMITTED) {
            throw new SealException(NOT_SUBMITTED, 409, "the sign request was already reviewed",
                    Map.of("status", request.status().name()), null);
        }
        try {
            reviewPolicies.orderedStream().forEach(policy -> policy.checkReviewer(id, reviewer));
        } catch (SealException refused) {
            audit.record(new AuditEntry("user:" + reviewer, "sign-request.review", "sign-request:" + id,
                    AuditOutcome.DENIED, Map.of("reason", refused.code())));
            throw refused;
        }
        if (approve) {
            // the reviewer checks the seal itself: approval of an unusable seal would be worthless
            signatures.requireUsable(request.esId());
        }
        Instant now = now();
        String decision = approve ? "APPROVE" : "REJECT";
        String text = String.join("\n", "HRSS-SEAL-SIGN-REVIEW/1", "id=" + id, "esId=" + request.esId(),
                "requestSm3=" + hex(Sm3.hash(request.requestRecord().getBytes(java.nio.charset.StandardCharsets.UTF_8))),
                "decision=" + decision, "opinion=" + opinion, "reviewer=" + reviewer, "reviewedAt=" + now);
        UserKeys.SignedRecord record = userKeys.sign(reviewer, text);
        jdbc.update("UPDATE application_sign_request SET status = ?, reviewer = ?, reviewed_at = ?, opinion = ?,"
                        + " review_record = ?, review_signature = ?, review_public_key = ? WHERE id = ?",
                (approve ? Status.APPROVED : Status.REJECTED).name(), reviewer, Timestamp.from(now), opinion,
                record.text(), record.signature(), record.publicKey(), id);
        audit.record(new AuditEntry("user:" + reviewer, approve ? "sign-request.approve" : "sign-request.reject",
                "seal:" + request.esId(), AuditOutcome.SUCCESS,
                details(id, request.sealName(), request.purpose(), store.digests(id), record)));
        return store.view(id);
    }

    /** The applicant signs every document of an approved request; all or nothing. */
    @Transactional
    SignRequestView sign(String id, String actor) {
        SignRequestStore.Row request = store.lock(id);
        if (!request.applicant().equals(actor)) {
            throw SealException.forbidden(NOT_APPLICANT, "only the applicant signs an approved request");
        }
        if (request.status() != Status.APPROVED) {
            throw new SealException(NOT_APPROVED, 409, "only an approved request can be signed",
                    Map.of("status", request.status().name()), null);
        }
        List<SignRequestStore.Document> documents = store.documents(id);
        List<String> signedDigests = new ArrayList<>();
        List<String> timeStampDigests = new ArrayList<>();
        for (SignRequestStore.Document d : documents) {
            SignedDocument signed = d.kind() == DocumentKind.DATA
                    ? signatures.signData(request.esId(), Sm3.hash(d.content()), "signRequest=" + id + ";document="
                    + d.position())
                    : signatures.signDocument(request.esId(), d.kind(), d.content(), d.placement());
            jdbc.update("UPDATE application_sign_document SET signed_content = ?, signed_sm3 = ? WHERE request_id = ?"
                    + " AND position = ?", signed.signed(), signed.signedSm3(), id, d.position());
            signedDigests.add(signed.signedSm3());
            timeStampDigests.addAll(signed.timeStampSm3());
        }
        Instant now = now();
        String text = String.join("\n", "HRSS-SEAL-SIGNING/1", "id=" + id, "esId=" + request.esId(),
                "signer=" + actor, "reviewer=" + request.reviewer(), "signedAt=" + now,
                "signedSm3=" + String.join(",", signedDigests));
        UserKeys.SignedRecord record = userKeys.sign(actor, text);
        jdbc.update("UPDATE application_sign_request SET status = ?, signed_at = ?, sign_record = ?,"
                        + " sign_signature = ?, sign_public_key = ? WHERE id = ?", Status.SIGNED.name(),
                Timestamp.from(now), record.text(), record.signature(), record.publicKey(), id);
        Map<String, Object> details = details(id, request.sealName(), request.purpose(), store.digests(id), record);
        details.put("reviewer", request.reviewer());
        details.put("signedSm3", signedDigests);
        audit.record(new AuditEntry("user:" + actor, "seal.sign", "seal:" + request.esId(), AuditOutcome.SUCCESS,
                details));
        HexFormat hex = HexFormat.of();
        events.publishEvent(new DocumentsSigned(id, DocumentsSigned.Flow.REVIEWED, request.esId(),
                hex.formatHex(Sm3.hash(record.publicKey().getBytes(StandardCharsets.US_ASCII))),
                store.digests(id), signedDigests,
                hex.formatHex(Sm3.hash(record.text().getBytes(StandardCharsets.UTF_8))), now, timeStampDigests));
        return store.view(id);
    }

    private static void validate(String esId, String purpose, List<NewDocument> documents) {
        if (esId == null || esId.isBlank() || esId.length() > 64) {
            throw SealException.badRequest(INVALID, "esId is required");
        }
        if (purpose == null || purpose.isBlank() || purpose.length() > MAX_PURPOSE || !oneLine(purpose)) {
            throw SealException.badRequest(INVALID, "purpose is required: one line of at most " + MAX_PURPOSE
                    + " characters");
        }
        if (documents == null || documents.isEmpty() || documents.size() > MAX_DOCUMENTS) {
            throw SealException.badRequest(INVALID, "1.." + MAX_DOCUMENTS + " documents");
        }
        for (NewDocument d : documents) {
            if (d.name() == null || d.name().isBlank() || d.name().length() > 200) {
                throw SealException.badRequest(INVALID, "every document needs a name of at most 200 characters");
            }
            if (d.content().length == 0) {
                throw SealException.badRequest(INVALID, "document '" + d.name() + "' is empty");
            }
            if (!d.kind().looksLike(d.content())) {
                throw SealException.badRequest(SealSignatures.DOCUMENT_TYPE_MISMATCH,
                        "document '" + d.name() + "' is not a " + d.kind());
            }
            if (d.kind() != DocumentKind.DATA && d.placement().isEmpty()) {
                throw SealException.badRequest(SealSignatures.PLACEMENT_REQUIRED,
                        "document '" + d.name() + "' needs a placement for its stamp");
            }
        }
    }

    private static Map<String, Object> details(String id, String sealName, String purpose, List<String> digests,
                                               UserKeys.SignedRecord record) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("signRequestId", id);
        details.put("sealName", sealName);
        details.put("purpose", purpose);
        details.put("documentSm3", digests);
        details.put("recordSignature", record.signature());
        return details;
    }

    /** Signed records are key=value lines: a line break in a value could forge another field. */
    private static boolean oneLine(String value) {
        return value.chars().noneMatch(c -> c == '\n' || c == '\r');
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
