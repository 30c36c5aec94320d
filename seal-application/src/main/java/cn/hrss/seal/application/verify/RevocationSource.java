package cn.hrss.seal.application.verify;

import org.bouncycastle.cert.X509CertificateHolder;

import java.time.Instant;

/**
 * Revocation status of a certificate at a time (the node's CA, OCSP). {@link #notChecked()} is the honest offline
 * answer; online sources judge by {@link CertificateStatusPolicy}.
 */
@FunctionalInterface
public interface RevocationSource {
    String NOT_CHECKED = "NOT_CHECKED";

    /** A {@link Check#CERTIFICATE_STATUS} result for the certificate issued by {@code issuer}. */
    CheckResult status(X509CertificateHolder certificate, X509CertificateHolder issuer, Instant at);

    /** Offline verification: INDETERMINATE "not checked", informational so it does not decide the verdict. */
    static RevocationSource notChecked() {
        return (certificate, issuer, at) -> CheckResult.indeterminate(Check.CERTIFICATE_STATUS, NOT_CHECKED,
                "revocation status not checked (offline verification)").informational();
    }
}
