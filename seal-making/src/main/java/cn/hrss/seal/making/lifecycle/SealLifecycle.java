package cn.hrss.seal.making.lifecycle;

import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.device.Sm2PublicKey;
import cn.hrss.seal.core.error.SealException;
import cn.hrss.seal.making.SealMakingProperties;
import cn.hrss.seal.making.api.SealCancelled;
import cn.hrss.seal.making.api.SealChanged;
import cn.hrss.seal.making.api.SealLossReported;
import cn.hrss.seal.making.api.SealRenewed;
import cn.hrss.seal.making.api.SealReplaced;
import cn.hrss.seal.making.api.SealState;
import cn.hrss.seal.making.apply.SealApplications;
import cn.hrss.seal.making.journal.SealJournal;
import cn.hrss.seal.making.make.SealIssuance;
import cn.hrss.seal.making.persistence.ApplicationKind;
import cn.hrss.seal.making.persistence.SealMapper;
import cn.hrss.seal.making.persistence.SealRow;
import cn.hrss.seal.making.port.SealCertificates;
import cn.hrss.seal.making.port.SealCertificates.RevocationReason;
import cn.hrss.seal.making.port.SealStatusPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The lifecycle of a made seal (LD/T 01.1 sections 7.6-7.10). Every step checks its input and the seal's state
 * before it changes anything, runs in one transaction with the seal row locked, records who did it, and publishes
 * the status change last: the CA revocation comes before it, so a failure in between errs on the side of a
 * revoked certificate.
 */
@Service
class SealLifecycle {
    private final SealMapper seals;
    private final SealApplications applications;
    private final SealCertificates certificates;
    private final SealStatusPublisher status;
    private final SealIssuance issuance;
    private final SealJournal journal;
    private final SealMakingProperties properties;
    private final Clock clock;

    SealLifecycle(SealMapper seals, SealApplications applications, SealCertificates certificates,
                  SealStatusPublisher status, SealIssuance issuance, SealJournal journal,
                  SealMakingProperties properties, Clock clock) {
        this.seals = seals;
        this.applications = applications;
        this.certificates = certificates;
        this.status = status;
        this.issuance = issuance;
        this.journal = journal;
        this.properties = properties;
        this.clock = clock;
    }

    /** What a step left behind: the seal and, for change, loss and replace, the successor application. */
    record Outcome(SealRow seal, String successorApplicationId) {
    }

    @Transactional
    Outcome reportLoss(String esId, String reason, Instant lostSince, String actor) {
        SealRow seal = lock(esId, LifecycleAction.LOSS);
        String successor = applications.openSuccessor(seal.getId(), seal.getApplicationId(), ApplicationKind.LOSS,
                content -> content, actor);
        Instant now = moveTo(seal, SealState.SUSPENDED);
        journal.sealStep(seal.getId(), "loss", actor, reason, "successorApplication=" + successor
                + ", certificate=" + seal.getCertificateSerial() + " revoked (" + RevocationReason.KEY_COMPROMISE + ")",
                new SealLossReported(seal.getId(), esId, actor, reason, successor));
        // the key went with the carrier and the seed has no "found again": its certificate must not verify any more
        certificates.revoke(seal.getCertificate(), now, RevocationReason.KEY_COMPROMISE);
        status.publish(esId, SealState.SUSPENDED, lostSince == null ? now : lostSince, reason);
        return new Outcome(seal, successor);
    }

    @Transactional
    Outcome cancel(String esId, String reason, Instant voidFrom, String actor) {
        SealRow seal = lock(esId, LifecycleAction.CANCEL);
        revoke(seal, reason, voidFrom, RevocationReason.CESSATION_OF_OPERATION, actor, "cancel",
                new SealCancelled(seal.getId(), esId, actor, reason));
        return new Outcome(seal, null);
    }

    @Transactional
    Outcome change(String esId, ChangeRequest change, String actor) {
        SealRow seal = lock(esId, LifecycleAction.CHANGE);
        byte[] picture = decodePicture(change.pictureBase64());
        String successor = applications.openSuccessor(seal.getId(), seal.getApplicationId(), ApplicationKind.CHANGE,
                content -> content.changed(change.unitType(), change.unitName(), change.unitAddress(),
                        change.agentName(), change.agentIdNumber(), change.agentPhone(), change.sealName(),
                        change.validityDays(), picture),
                actor);
        revoke(seal, change.reason(), RevocationReason.AFFILIATION_CHANGED, actor, "change",
                new SealChanged(seal.getId(), esId, actor, change.reason(), successor));
        return new Outcome(seal, successor);
    }

    @Transactional
    Outcome replace(String esId, String reason, String actor) {
        SealRow seal = lock(esId, LifecycleAction.REPLACE);
        String successor = applications.openSuccessor(seal.getId(), seal.getApplicationId(),
                ApplicationKind.REPLACE, content -> content, actor);
        revoke(seal, reason, RevocationReason.SUPERSEDED, actor, "replace",
                new SealReplaced(seal.getId(), esId, actor, reason, successor));
        return new Outcome(seal, successor);
    }

    /**
     * Renews validity and certificate of a valid seal, keeping esID and key, and writes a new SES_Seal. An expired
     * seal is not renewed (EXPIRED is terminal in the status system): the reminder comes in time. Without a holder
     * signature only an operator may renew; with one, the signature by the seal key is the authority.
     */
    @Transactional
    Outcome renew(String esId, RenewRequest request, String actor, boolean operator) {
        if (!request.selfService() && !operator) {
            throw SealException.forbidden("FORBIDDEN",
                    "renewal needs a seal operator or a request signed by the seal key");
        }
        if (request.validityDays() > properties.maxValidityDays()) {
            throw invalid("validityDays", "must be between 1 and " + properties.maxValidityDays());
        }
        SealRow seal = lock(esId, LifecycleAction.RENEW);
        Instant now = clock.instant();
        if (request.selfService()) {
            verifySelfService(seal, request, now);
            seal.setLastRenewalRequestAt(storedPrecision(request.requestedAt()).atOffset(ZoneOffset.UTC));
        }
        issuance.renew(seal, now, Duration.ofDays(request.validityDays()));
        seal.setRemindedAt(null);
        moveTo(seal, SealState.VALID);
        Instant validTo = seal.getValidTo().toInstant();
        journal.sealStep(seal.getId(), "renew", actor, request.reason(),
                "validTo=" + validTo + ", certificate=" + seal.getCertificateSerial()
                        + (request.selfService() ? ", signed by the seal key" : ""),
                new SealRenewed(seal.getId(), esId, actor, validTo, request.selfService()));
        status.renewed(esId, seal.getCertificateSerial(), validTo);
        return new Outcome(seal, null);
    }

    private void verifySelfService(SealRow seal, RenewRequest request, Instant now) {
        if (request.requestedAt() == null) {
            throw invalid("requestedAt", "required with a signature");
        }
        Duration window = properties.renewal().requestWindow();
        if (Duration.between(request.requestedAt(), now).abs().compareTo(window) > 0) {
            throw SealException.badRequest("RENEWAL_REQUEST_STALE", "requestedAt is not within " + window
                    + " of the node's clock");
        }
        if (seal.getLastRenewalRequestAt() != null
                && !storedPrecision(request.requestedAt()).isAfter(seal.getLastRenewalRequestAt().toInstant())) {
            throw SealException.conflict("RENEWAL_REQUEST_REPLAYED", "this renewal request was already used");
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(request.signature());
        } catch (IllegalArgumentException e) {
            throw invalid("signature", "not base64");
        }
        byte[] toBeSigned = new SelfServiceRenewal(seal.getEsId(), request.validityDays(), request.requestedAt())
                .toBeSigned();
        if (!Sm2.verify(Sm2PublicKey.fromUncompressed(seal.getPublicKey()), toBeSigned, signature)) {
            throw SealException.forbidden("RENEWAL_SIGNATURE_INVALID",
                    "the renewal request is not signed by this seal's key");
        }
    }

    /** Databases keep microseconds (PostgreSQL rounds, H2 truncates); compare replays at that precision. */
    private static Instant storedPrecision(Instant t) {
        return t.truncatedTo(ChronoUnit.MICROS);
    }

    private SealRow lock(String esId, LifecycleAction action) {
        SealRow seal = seals.selectByEsIdForUpdate(esId);
        if (seal == null) {
            throw SealException.notFound("SEAL_NOT_FOUND", "no seal " + esId);
        }
        if (!action.allowedFrom(seal.getStatus())) {
            throw new SealException("ILLEGAL_SEAL_TRANSITION", 409,
                    "a " + seal.getStatus() + " seal cannot be processed by " + action.path(),
                    Map.of("status", seal.getStatus().name(), "action", action.path()), null);
        }
        return seal;
    }

    /** Revokes seal and certificate; a lost (SUSPENDED) seal's certificate was revoked at the loss report. */
    private void revoke(SealRow seal, String reason, RevocationReason crlReason, String actor, String action,
                        Object event) {
        revoke(seal, reason, null, crlReason, actor, action, event);
    }

    /**
     * @param effectiveFrom when the seal stops being valid in the status system, if not now; the certificate is
     *                      revoked now (the CRL tells when the CA learnt of it), the seal status carries the
     *                      earlier time
     */
    private void revoke(SealRow seal, String reason, Instant effectiveFrom, RevocationReason crlReason, String actor,
                        String action, Object event) {
        boolean certificateValid = seal.getStatus() == SealState.VALID;
        Instant now = moveTo(seal, SealState.REVOKED);
        String detail = (certificateValid ? "certificate=" + seal.getCertificateSerial() + " revoked (" + crlReason
                + ")" : "") + (effectiveFrom == null ? "" : (certificateValid ? ", " : "") + "effectiveFrom="
                + effectiveFrom);
        journal.sealStep(seal.getId(), action, actor, reason, detail.isEmpty() ? null : detail, event);
        if (certificateValid) {
            certificates.revoke(seal.getCertificate(), now, crlReason);
        }
        status.publish(seal.getEsId(), SealState.REVOKED, effectiveFrom == null ? now : effectiveFrom, reason);
    }

    private Instant moveTo(SealRow seal, SealState next) {
        Instant now = clock.instant();
        seal.setStatus(next);
        seal.setUpdatedAt(now.atOffset(ZoneOffset.UTC));
        seals.updateById(seal);
        return now;
    }

    private static byte[] decodePicture(String base64) {
        if (base64 == null || base64.isEmpty()) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw invalid("pictureBase64", "not base64");
        }
    }

    private static SealException invalid(String field, String problem) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(field, problem);
        return new SealException("VALIDATION_FAILED", 400, "request fields are invalid", Map.of("fields", fields),
                null);
    }
}
