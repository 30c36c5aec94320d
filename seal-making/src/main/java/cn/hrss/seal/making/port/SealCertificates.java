package cn.hrss.seal.making.port;

import cn.hrss.seal.core.device.Sm2PublicKey;

import java.time.Instant;

/** The industry CA as seal making sees it: one seal certificate per seal (LD/T 01.1 section 7.5). */
public interface SealCertificates {

    /** Issues the seal certificate for the seal's public key; returns the DER certificate. */
    byte[] issue(SealSubject subject, Sm2PublicKey sealKey, Instant notBefore, Instant notAfter);

    /** Issues a renewed certificate for the same subject and key with a new validity; returns DER. */
    byte[] renew(byte[] currentCertificate, Instant notBefore, Instant notAfter);

    /** Revokes a seal certificate (CRL and OCSP answer "revoked" from then on). */
    void revoke(byte[] certificate, Instant revokedAt, RevocationReason reason);

    /** The subject of a seal certificate: the seal holder unit and the seal. */
    record SealSubject(String unitName, String unitCreditCode, String regionCode, String sealName, String sealRef) {
    }

    /** RFC 5280 reason codes the lifecycle uses. */
    enum RevocationReason {
        /** Loss report: the carrier may be in wrong hands. */
        KEY_COMPROMISE(1),
        /** Change: unit name or organisation changed. */
        AFFILIATION_CHANGED(3),
        /** Replacement: a new seal supersedes this one. */
        SUPERSEDED(4),
        /** Cancellation. */
        CESSATION_OF_OPERATION(5);

        private final int code;

        RevocationReason(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }
    }
}
