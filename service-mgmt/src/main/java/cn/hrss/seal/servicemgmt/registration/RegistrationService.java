package cn.hrss.seal.servicemgmt.registration;

import cn.hrss.seal.audit.api.AuditEntry;
import cn.hrss.seal.audit.api.AuditOutcome;
import cn.hrss.seal.audit.api.AuditTrail;
import cn.hrss.seal.ca.api.CertificateAuthority;
import cn.hrss.seal.ca.api.IssuedCertificate;
import cn.hrss.seal.ca.api.RevocationReason;
import cn.hrss.seal.ca.api.SystemCertificateRequest;
import cn.hrss.seal.ca.api.Tier;
import cn.hrss.seal.core.device.Sm2PublicKey;
import cn.hrss.seal.core.error.SealException;
import cn.hrss.seal.core.identity.AdministrativeRegionCode;
import cn.hrss.seal.core.message.SignerId;
import cn.hrss.seal.servicemgmt.NodeRegionProperties;
import cn.hrss.seal.servicemgmt.api.RegistrationApplication;
import cn.hrss.seal.servicemgmt.api.TrustListEntry;
import cn.hrss.seal.servicemgmt.trustlist.TrustListPublisher;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The upper tier's side of registration: applications arrive as verified {@code registration.apply/1} messages,
 * a SYSTEM_ADMIN approves (the CA issues the system certificate) or rejects them, and deregistration revokes the
 * certificate. Every change of the registered set publishes a new trust list version in the same transaction.
 */
@Service
class RegistrationService {
    private final RegistrationStore store;
    private final TrustListPublisher trustList;
    private final CertificateAuthority ca;
    private final AuditTrail audit;
    private final NodeRegionProperties node;
    private final Clock clock;

    RegistrationService(RegistrationStore store, TrustListPublisher trustList, CertificateAuthority ca,
                        AuditTrail audit, NodeRegionProperties node, Clock clock) {
        this.store = store;
        this.trustList = trustList;
        this.ca = ca;
        this.audit = audit;
        this.node = node;
        this.clock = clock;
    }

    /** Version 1 (this node alone) so that lower nodes can pull before anything is registered. */
    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void publishFirstVersion() {
        if (trustList.latest().isEmpty()) {
            trustList.publish(entries());
        }
    }

    /**
     * Records an application whose message was signed with {@code application.publicKey()}. A retry of the same
     * message id returns the same registration.
     */
    @Transactional
    public String apply(RegistrationApplication application, String messageId) {
        String signerId = SignerId.of(application.publicKey()).hex();
        var earlier = store.findByMessage(signerId, messageId);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        checkRegion(application.tier(), application.region());
        if (store.keyInUse(signerId)) {
            throw SealException.conflict("REGISTRATION_KEY_IN_USE", "this public key is already registered or pending");
        }
        String id = UUID.randomUUID().toString();
        try {
            store.insert(id, signerId, messageId, application, clock.instant());
        } catch (DuplicateKeyException e) {
            // a concurrent application of the same key; the caller's retry finds the winner by message id
            throw SealException.conflict("REGISTRATION_KEY_IN_USE", "this public key is already registered or pending");
        }
        audit.record(new AuditEntry("system:" + signerId, "registration.apply", "registration:" + id,
                AuditOutcome.SUCCESS, Map.of("tier", application.tier().name(),
                "regionCode", application.region().value())));
        return id;
    }

    /** City under its province, province under the ministry; nothing below a city. */
    void checkRegion(Tier tier, AdministrativeRegionCode region) {
        AdministrativeRegionCode own = node.region();
        boolean fits = switch (node.tier()) {
            case MINISTRY -> tier == Tier.PROVINCE && region.level() == AdministrativeRegionCode.Level.PROVINCE;
            case PROVINCE -> tier == Tier.CITY && region.level() == AdministrativeRegionCode.Level.PREFECTURE
                    && own.contains(region);
            case CITY -> false;
        };
        if (!fits) {
            throw new SealException("REGISTRATION_REGION_OUTSIDE", 422,
                    tier + " " + region.value() + " does not register with " + node.tier() + " " + own.value(),
                    Map.of("tier", tier.name(), "regionCode", region.value()), null);
        }
    }

    @Transactional
    public Registration approve(String id, String opinion, String reviewer) {
        Registration r = pending(id);
        Sm2PublicKey key = Sm2PublicKey.fromUncompressed(HexFormat.of().parseHex(r.publicKey()));
        IssuedCertificate issued = ca.issueSystemCertificate(new SystemCertificateRequest(r.systemName(),
                r.organisation(), r.tier(), AdministrativeRegionCode.parse(r.regionCode()), key));
        if (!store.review(id, RegistrationStatus.PENDING, RegistrationStatus.APPROVED, opinion, reviewer,
                clock.instant(), issued.serial().toString(16), Base64.getEncoder().encodeToString(issued.encoded()))) {
            throw notPending(id);
        }
        long version = trustList.publish(entries()).version();
        audit.record(new AuditEntry("user:" + reviewer, "registration.approve", "registration:" + id,
                AuditOutcome.SUCCESS, Map.of("certificateSerial", issued.serial().toString(16),
                "trustListVersion", version)));
        return store.find(id).orElseThrow();
    }

    @Transactional
    public Registration reject(String id, String opinion, String reviewer) {
        pending(id);
        if (opinion == null || opinion.isBlank()) {
            throw SealException.badRequest("REGISTRATION_OPINION_REQUIRED", "a rejection needs an opinion");
        }
        if (!store.review(id, RegistrationStatus.PENDING, RegistrationStatus.REJECTED, opinion, reviewer,
                clock.instant(), null, null)) {
            throw notPending(id);
        }
        audit.record(AuditEntry.of("user:" + reviewer, "registration.reject", "registration:" + id,
                AuditOutcome.SUCCESS));
        return store.find(id).orElseThrow();
    }

    /** Revokes the system certificate and publishes the list marking it REVOKED. */
    @Transactional
    public Registration deregister(String id, String actor) {
        Registration r = find(id);
        if (r.status() != RegistrationStatus.APPROVED) {
            throw SealException.conflict("REGISTRATION_NOT_ACTIVE", "registration " + id + " is " + r.status());
        }
        Instant now = clock.instant();
        if (!store.deregister(id, now)) {
            throw SealException.conflict("REGISTRATION_NOT_ACTIVE", "registration " + id + " changed meanwhile");
        }
        ca.revoke(new BigInteger(r.certificateSerial(), 16), RevocationReason.CESSATION_OF_OPERATION, now);
        long version = trustList.publish(entries()).version();
        audit.record(new AuditEntry("user:" + actor, "registration.deregister", "registration:" + id,
                AuditOutcome.SUCCESS, Map.of("certificateSerial", r.certificateSerial(),
                "trustListVersion", version)));
        return store.find(id).orElseThrow();
    }

    /** The issued certificate (DER) for its own key holder; 409 while not approved. */
    public byte[] certificateFor(String id, String signerId) {
        Registration r = store.find(id).filter(x -> x.signerId().equals(signerId))
                .orElseThrow(() -> SealException.notFound("REGISTRATION_NOT_FOUND", "no registration " + id
                        + " for this signer"));
        if (r.status() != RegistrationStatus.APPROVED) {
            // the status in details lets the applicant tell "still under review" from "rejected" without parsing text
            throw new SealException("REGISTRATION_NOT_ACTIVE", 409, "registration " + id + " is " + r.status(),
                    Map.of("status", r.status().name()), null);
        }
        return Base64.getDecoder().decode(r.certificate());
    }

    /** The registered public key of a registration, for verifying its holder's certificate pull. */
    public java.util.Optional<Sm2PublicKey> registeredKey(String id) {
        return store.find(id).map(r -> Sm2PublicKey.fromUncompressed(HexFormat.of().parseHex(r.publicKey())));
    }

    public Registration find(String id) {
        return store.find(id).orElseThrow(() -> SealException.notFound("REGISTRATION_NOT_FOUND",
                "no registration " + id));
    }

    public List<Registration> list(java.util.Optional<RegistrationStatus> status) {
        return store.list(status);
    }

    private Registration pending(String id) {
        Registration r = find(id);
        if (r.status() != RegistrationStatus.PENDING) {
            throw notPending(id);
        }
        return r;
    }

    private static SealException notPending(String id) {
        return SealException.conflict("REGISTRATION_NOT_PENDING", "registration " + id + " was already reviewed");
    }

    private List<TrustListEntry> entries() {
        return store.certified().stream().map(r -> new TrustListEntry(r.signerId(),
                Base64.getDecoder().decode(r.certificate()), r.tier(), r.regionCode(), r.baseUrl(), r.kinds(),
                r.status() == RegistrationStatus.APPROVED ? TrustListEntry.Status.ACTIVE
                        : TrustListEntry.Status.REVOKED)).toList();
    }
}
