package cn.hrss.seal.making.port;

import cn.hrss.seal.core.device.Sm2PublicKey;

import java.time.Instant;
import java.util.List;

/**
 * The industry CA as seal making sees it: one seal certificate per seal (LD/T 01.1 section 7.5), bound to the
 * seal's esID. The CA's seal profile decides the certificate's validity; a seal is never valid longer than its
 * certificate.
 */
public interface SealCertificates {

    /** Issues the seal certificate for the seal's public key; returns the DER certificate. */
    byte[] issue(SealSubject subject, Sm2PublicKey sealKey);

    /** Issues a renewed certificate for the same subject and key with a fresh validity; returns DER. */
    byte[] renew(byte[] currentCertificate);

    /** Revokes a seal certificate (CRL and OCSP answer "revoked" from then on). */
    void revoke(byte[] certificate, Instant revokedAt, RevocationReason reason);

    /**
     * DER certificates from the issuer of seal certificates up to and including the seal root, for holders who
     * sign and verify without the node (the exported seal package). Empty when the CA does not say.
     */
    default List<byte[]> issuerChain() {
        return List.of();
    }

    /** The subject of a seal certificate: the seal and its holder unit. */
    record SealSubject(String esId, String sealName, String unitName, String unitCreditCode, String regionCode) {
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
