package cn.hrss.seal.application.verification;

import cn.hrss.seal.application.verify.CertificateStatusPolicy;
import cn.hrss.seal.application.verify.CheckResult;
import cn.hrss.seal.application.verify.RevocationSource;
import cn.hrss.seal.ca.api.CertificateAuthority;
import cn.hrss.seal.ca.api.CertificateStatus;
import org.bouncycastle.cert.X509CertificateHolder;

import java.time.Instant;
import java.util.Optional;

/**
 * Certificate status on the node: asked of this node's CA in process for certificates its root issued, of the
 * responder in the certificate's AIA for others (INDETERMINATE when there is none or it cannot be reached).
 */
final class NodeRevocationSource implements RevocationSource {
    private static final String SOURCE = "this node's CA";

    private final CertificateAuthority ca;
    private final RevocationSource others;

    NodeRevocationSource(CertificateAuthority ca, RevocationSource others) {
        this.ca = ca;
        this.others = others;
    }

    @Override
    public CheckResult status(X509CertificateHolder certificate, X509CertificateHolder issuer, Instant at) {
        if (!issuer.equals(ca.rootCertificate())) {
            return others.status(certificate, issuer, at);
        }
        CertificateStatus status;
        try {
            status = ca.status(certificate.getSerialNumber());
        } catch (RuntimeException e) {
            // a verification reports what it could not check; it never fails with the CA's trouble
            return CertificateStatusPolicy.unavailable(certificate, SOURCE + ": " + e.getMessage());
        }
        return switch (status.state()) {
            case GOOD -> CertificateStatusPolicy.good(certificate, at, SOURCE);
            case REVOKED -> CertificateStatusPolicy.revoked(certificate, status.revokedAt(),
                    Optional.of(status.reason().name()), at, SOURCE);
            case UNKNOWN -> CertificateStatusPolicy.unknown(certificate, SOURCE);
        };
    }
}
