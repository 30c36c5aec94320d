package cn.hrss.seal.making.adapter;

import cn.hrss.seal.ca.api.CertificateAuthority;
import cn.hrss.seal.ca.api.SealCertificateRequest;
import cn.hrss.seal.core.device.Sm2PublicKey;
import cn.hrss.seal.core.identity.UnifiedCreditCode;
import cn.hrss.seal.making.port.SealCertificates;
import org.bouncycastle.asn1.x509.Certificate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/** {@link SealCertificates} over the node's {@link CertificateAuthority} (embedded or proxied). */
public final class CaSealCertificates implements SealCertificates {
    private final CertificateAuthority ca;
    private final String makingSystem;

    /** @param makingSystem name of this making system, written into every seal certificate */
    public CaSealCertificates(CertificateAuthority ca, String makingSystem) {
        this.ca = ca;
        this.makingSystem = makingSystem;
    }

    @Override
    public byte[] issue(SealSubject subject, Sm2PublicKey sealKey) {
        return ca.issueSealCertificate(new SealCertificateRequest(subject.esId(), subject.sealName(),
                subject.unitName(), UnifiedCreditCode.parse(subject.unitCreditCode()), makingSystem, sealKey))
                .encoded();
    }

    @Override
    public byte[] renew(byte[] currentCertificate) {
        Certificate current = Certificate.getInstance(currentCertificate);
        return ca.renew(current.getSerialNumber().getValue(),
                Sm2PublicKey.fromSubjectPublicKeyInfo(current.getSubjectPublicKeyInfo())).encoded();
    }

    @Override
    public void revoke(byte[] certificate, Instant revokedAt, RevocationReason reason) {
        ca.revoke(Certificate.getInstance(certificate).getSerialNumber().getValue(),
                cn.hrss.seal.ca.api.RevocationReason.ofCode(reason.code()), revokedAt);
    }

    /** The embedded CA issues seal certificates directly under its seal root. */
    @Override
    public List<byte[]> issuerChain() {
        try {
            return List.of(ca.rootCertificate().getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
