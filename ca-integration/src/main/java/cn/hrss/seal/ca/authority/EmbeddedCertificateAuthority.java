package cn.hrss.seal.ca.authority;

import cn.hrss.seal.ca.api.CertificateAuthority;
import cn.hrss.seal.ca.api.CertificateProfile;
import cn.hrss.seal.ca.api.CertificateRevoked;
import cn.hrss.seal.ca.api.CertificateStatus;
import cn.hrss.seal.ca.api.IssuedCertificate;
import cn.hrss.seal.ca.api.RevocationReason;
import cn.hrss.seal.ca.api.SealCertificateRequest;
import cn.hrss.seal.ca.api.SystemCertificateRequest;
import cn.hrss.seal.ca.persistence.CertificateStore;
import cn.hrss.seal.core.device.KeyRef;
import cn.hrss.seal.core.device.Sm2PublicKey;
import cn.hrss.seal.core.error.SealException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@link CertificateAuthority} over the seal root in this node's cipher device. */
final class EmbeddedCertificateAuthority implements CertificateAuthority {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedCertificateAuthority.class);

    private final CaIdentities identities;
    private final CertificateIssuer issuer;
    private final CertificateProfiles profiles;
    private final CertificateStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EmbeddedCertificateAuthority(CaIdentities identities, CertificateIssuer issuer, CertificateProfiles profiles,
                                 CertificateStore store, ApplicationEventPublisher events, Clock clock) {
        this.identities = identities;
        this.issuer = issuer;
        this.profiles = profiles;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public IssuedCertificate issueSystemCertificate(SystemCertificateRequest request) {
        return issuer.issue(profiles.system(request), identities.root(), null);
    }

    @Override
    public IssuedCertificate issueSealCertificate(SealCertificateRequest request) {
        return issuer.issue(profiles.seal(request), identities.root(), null);
    }

    @Override
    public IssuedCertificate renew(BigInteger serial, Sm2PublicKey publicKey) {
        Objects.requireNonNull(publicKey, "publicKey");
        IssuedCertificate old = require(serial);
        if (old.profile() != CertificateProfile.SYSTEM && old.profile() != CertificateProfile.SEAL) {
            throw SealException.badRequest("CA_CERT_NOT_RENEWABLE",
                    "only system and seal certificates are renewed through the API, not " + old.profile());
        }
        if (store.status(serial).state() != CertificateStatus.State.GOOD) {
            throw SealException.conflict("CA_CERT_NOT_RENEWABLE", "a revoked certificate cannot be renewed");
        }
        X509CertificateHolder cert = old.certificate();
        return issuer.issue(profiles.renewal(old.profile(), cert.getSubject(), cert.getExtensions(), publicKey),
                identities.root(), null);
    }

    @Override
    public CertificateStatus revoke(BigInteger serial, RevocationReason reason, Instant revokedAt) {
        Objects.requireNonNull(reason, "reason");
        // Whole seconds: CRL and OCSP times carry no fractions (RFC 5280 4.1.2.5).
        Instant at = (revokedAt == null ? clock.instant() : revokedAt).truncatedTo(ChronoUnit.SECONDS);
        IssuedCertificate cert = require(serial);
        if (cert.profile() == CertificateProfile.SEAL_ROOT) {
            throw SealException.badRequest("CA_REVOCATION_FORBIDDEN", "the seal root cannot revoke itself");
        }
        if (at.isAfter(clock.instant())) {
            throw SealException.badRequest("CA_BAD_REVOCATION_TIME", "revocation time lies in the future");
        }
        if (!store.revoke(serial, reason, at)) {
            throw SealException.conflict("CA_ALREADY_REVOKED", "certificate " + serial.toString(16)
                    + " is already revoked");
        }
        log.info("revoked {} certificate {} ({}), reason {}, effective {}", cert.profile(),
                serial.toString(16), cert.subject(), reason, at);
        events.publishEvent(new CertificateRevoked(serial, cert.profile(), cert.subject(), reason, at));
        return store.status(serial);
    }

    @Override
    public CertificateStatus status(BigInteger serial) {
        return store.status(serial);
    }

    @Override
    public Optional<IssuedCertificate> find(BigInteger serial) {
        return store.find(serial);
    }

    @Override
    public X509CertificateHolder rootCertificate() {
        return identities.rootCertificate();
    }

    @Override
    public X509CertificateHolder nodeCertificate() {
        return identities.node().certificate();
    }

    @Override
    public KeyRef nodeKey() {
        return identities.node().key();
    }

    private IssuedCertificate require(BigInteger serial) {
        return store.find(serial).orElseThrow(() -> new SealException("CA_CERT_NOT_FOUND", 404,
                "no certificate with serial " + serial.toString(16), Map.of("serial", serial.toString(16)), null));
    }
}
