package cn.hrss.seal.application.verify;

import org.bouncycastle.cert.X509CertificateHolder;

import java.time.Instant;
import java.util.Optional;

/**
 * How a certificate's revocation decides, as for seals ({@link SealStatusPolicy}): revoked at or before the time
 * the path is judged at ({@code at}: the time-stamped signing time, else the validation time) is FAILED; revoked only
 * after a proven signing time is PASSED with the revocation named. Unknown to the responder is INDETERMINATE.
 */
public final class CertificateStatusPolicy {
    public static final String CERTIFICATE_REVOKED = "CERTIFICATE_REVOKED";
    public static final String CERTIFICATE_STATUS_UNKNOWN = "CERTIFICATE_STATUS_UNKNOWN";
    public static final String REVOKED_AFTER_SIGNING = "REVOKED_AFTER_SIGNING";
    public static final String STATUS_UNAVAILABLE = "STATUS_UNAVAILABLE";

    private CertificateStatusPolicy() {
    }

    public static CheckResult good(X509CertificateHolder certificate, Instant at, String source) {
        return CheckResult.passed(Check.CERTIFICATE_STATUS, name(certificate) + " not revoked at " + at
                + " (" + source + ")");
    }

    public static CheckResult revoked(X509CertificateHolder certificate, Instant revokedAt, Optional<String> reason,
                                      Instant at, String source) {
        String what = name(certificate) + " revoked " + revokedAt + reason.map(r -> " (" + r + ")").orElse("")
                + " (" + source + ")";
        return revokedAt.isAfter(at)
                ? CheckResult.passed(Check.CERTIFICATE_STATUS, REVOKED_AFTER_SIGNING, what
                + ", after the signing time " + at + " proven by the time stamp")
                : CheckResult.failed(Check.CERTIFICATE_STATUS, CERTIFICATE_REVOKED, what + ", not after " + at);
    }

    public static CheckResult unknown(X509CertificateHolder certificate, String source) {
        return CheckResult.indeterminate(Check.CERTIFICATE_STATUS, CERTIFICATE_STATUS_UNKNOWN,
                name(certificate) + " is unknown to " + source);
    }

    public static CheckResult unavailable(X509CertificateHolder certificate, String why) {
        return CheckResult.indeterminate(Check.CERTIFICATE_STATUS, STATUS_UNAVAILABLE,
                "status of " + name(certificate) + " not available: " + why);
    }

    private static String name(X509CertificateHolder certificate) {
        return "certificate " + certificate.getSerialNumber().toString(16) + " (" + certificate.getSubject() + ")";
    }
}
