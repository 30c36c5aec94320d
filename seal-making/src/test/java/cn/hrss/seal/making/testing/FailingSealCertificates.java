package cn.hrss.seal.making.testing;

import cn.hrss.seal.core.device.Sm2PublicKey;
import cn.hrss.seal.making.port.SealCertificates;

import java.time.Instant;
import java.util.List;

/** The real CA adapter with a switch that makes the next issue fail, to show a failed making leaves nothing. */
public final class FailingSealCertificates implements SealCertificates {
    private final SealCertificates ca;
    private volatile RuntimeException failNextIssue;

    public FailingSealCertificates(SealCertificates ca) {
        this.ca = ca;
    }

    public void failNextIssue(RuntimeException failure) {
        this.failNextIssue = failure;
    }

    @Override
    public byte[] issue(SealSubject subject, Sm2PublicKey sealKey) {
        RuntimeException failure = failNextIssue;
        if (failure != null) {
            failNextIssue = null;
            throw failure;
        }
        return ca.issue(subject, sealKey);
    }

    @Override
    public byte[] renew(byte[] currentCertificate) {
        return ca.renew(currentCertificate);
    }

    @Override
    public void revoke(byte[] certificate, Instant revokedAt, RevocationReason reason) {
        ca.revoke(certificate, revokedAt, reason);
    }

    @Override
    public List<byte[]> issuerChain() {
        return ca.issuerChain();
    }
}
