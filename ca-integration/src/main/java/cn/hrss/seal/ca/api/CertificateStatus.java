package cn.hrss.seal.ca.api;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;

/**
 * Revocation status of a serial number as the CA knows it.
 *
 * @param revokedAt and {@code reason} are set only when {@code state} is {@link State#REVOKED}
 */
public record CertificateStatus(BigInteger serial, State state, Instant revokedAt, RevocationReason reason) {
    public enum State { GOOD, REVOKED, UNKNOWN }

    public CertificateStatus {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(state, "state");
        if ((state == State.REVOKED) != (revokedAt != null && reason != null)) {
            throw new IllegalArgumentException("revocation time and reason go with state REVOKED only");
        }
    }

    public static CertificateStatus good(BigInteger serial) {
        return new CertificateStatus(serial, State.GOOD, null, null);
    }

    public static CertificateStatus unknown(BigInteger serial) {
        return new CertificateStatus(serial, State.UNKNOWN, null, null);
    }

    public static CertificateStatus revoked(BigInteger serial, Instant at, RevocationReason reason) {
        return new CertificateStatus(serial, State.REVOKED, at, reason);
    }
}
