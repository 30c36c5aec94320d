package cn.hrss.seal.ca.api;

import cn.hrss.seal.core.device.KeyRef;
import cn.hrss.seal.core.device.Sm2PublicKey;
import org.bouncycastle.cert.X509CertificateHolder;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;

/**
 * The certificate authority of this node: the embedded SM2 CA under the seal root. Failures are
 * {@link cn.hrss.seal.core.error.SealException}s with stable codes ({@code CA_CERT_NOT_FOUND},
 * {@code CA_ALREADY_REVOKED}, {@code CA_REVOCATION_FORBIDDEN}, {@code CA_CERT_NOT_RENEWABLE}).
 */
public interface CertificateAuthority {

    IssuedCertificate issueSystemCertificate(SystemCertificateRequest request);

    IssuedCertificate issueSealCertificate(SealCertificateRequest request);

    /**
     * Issues a successor of a system or seal certificate: same subject and identity extensions, new serial and
     * validity, for {@code publicKey} (the old key or a new one). The old certificate stays valid until revoked.
     */
    IssuedCertificate renew(BigInteger serial, Sm2PublicKey publicKey);

    /**
     * Revokes a certificate, regenerates the CRL and publishes {@link CertificateRevoked}.
     *
     * @param revokedAt when the revocation takes effect (may lie in the past, e.g. the suspected compromise time)
     */
    CertificateStatus revoke(BigInteger serial, RevocationReason reason, Instant revokedAt);

    /** Status of any serial; {@link CertificateStatus.State#UNKNOWN} when this CA did not issue it. */
    CertificateStatus status(BigInteger serial);

    Optional<IssuedCertificate> find(BigInteger serial);

    /** The self-signed seal root certificate. */
    X509CertificateHolder rootCertificate();

    /** This node's own system certificate (issued by the root). */
    X509CertificateHolder nodeCertificate();

    /** The device key of {@link #nodeCertificate()}, for modules that sign as this node. */
    KeyRef nodeKey();
}
