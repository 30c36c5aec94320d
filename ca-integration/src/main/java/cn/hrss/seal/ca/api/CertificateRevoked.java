package cn.hrss.seal.ca.api;

import java.math.BigInteger;
import java.time.Instant;

/** Published (Spring application event) after a revocation is committed. */
public record CertificateRevoked(BigInteger serial, CertificateProfile profile, String subject,
                                 RevocationReason reason, Instant revokedAt) {
}
