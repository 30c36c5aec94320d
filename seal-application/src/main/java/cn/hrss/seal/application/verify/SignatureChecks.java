package cn.hrss.seal.application.verify;

import cn.hrss.seal.core.ses.SealView;
import cn.hrss.seal.core.ses.SesCheck;
import cn.hrss.seal.core.ses.SesVerifier;
import org.bouncycastle.cert.X509CertificateHolder;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The checks every signature format shares, so that PDF and OFD judge signers, time stamps and seals by one policy:
 * the signature time stamp, the signer certificate path at the {@link SigningTime}, and the GB/T 38540 seal.
 */
public final class SignatureChecks {
    public static final String SEAL_MALFORMED = "SEAL_MALFORMED";

    private final CertificatePathValidator paths;
    private final TimeStampVerifier timeStamps;
    private final SealStatusSource sealStatus;

    public SignatureChecks(List<X509CertificateHolder> trustedRoots, RevocationSource revocation,
                           SealStatusSource sealStatus) {
        this.paths = new CertificatePathValidator(trustedRoots, revocation);
        this.timeStamps = new TimeStampVerifier(paths);
        this.sealStatus = Objects.requireNonNull(sealStatus, "sealStatus");
    }

    /** Seal status not checked (offline). */
    public SignatureChecks(List<X509CertificateHolder> trustedRoots, RevocationSource revocation) {
        this(trustedRoots, revocation, SealStatusSource.notChecked());
    }

    /**
     * SEAL_STATUS of the seal at the signing time. A source that throws is reported as unavailable, never as an
     * exception out of verification.
     */
    public CheckResult sealStatus(SealView seal, SigningTime time) {
        try {
            return sealStatus.status(seal.esId(), time);
        } catch (RuntimeException e) {
            return SealStatusPolicy.unavailable(seal.esId(), "status source failed: " + e.getMessage());
        }
    }

    /** TIME_STAMP for an optional DER token over {@code timeStamped} (the signature value). */
    public TimeStampVerifier.Result timeStamp(Optional<byte[]> token, byte[] timeStamped) {
        return timeStamps.verify(token, timeStamped);
    }

    /** CERTIFICATE_CHAIN, CERTIFICATE_VALIDITY and CERTIFICATE_STATUS of the signer certificate. */
    public List<CheckResult> signer(X509CertificateHolder certificate, Collection<X509CertificateHolder> intermediates,
                                    SigningTime time) {
        return paths.validate(certificate, intermediates, time).checks();
    }

    /**
     * SEAL: maker signature, the signer listed in the seal ({@code signerListed}, as the format identifies the
     * signer), seal validity and the maker certificate path, all at the signing time; the first problem decides.
     */
    public CheckResult seal(SealView seal, SesCheck signerListed, Collection<X509CertificateHolder> intermediates,
                            SigningTime time) {
        String prefix = prefix(seal);
        for (SesCheck check : List.of(SesVerifier.sealSignature(seal), signerListed,
                SesVerifier.sealValidAt(seal, time.at()))) {
            if (!check.passed()) {
                return of(Check.SEAL, check, prefix);
            }
        }
        try {
            X509CertificateHolder maker = new X509CertificateHolder(seal.makerCertificate());
            Optional<CheckResult> problem = paths.validate(maker, intermediates, time).firstProblem();
            if (problem.isPresent()) {
                return problem.get().as(Check.SEAL, prefix + "maker certificate: ");
            }
        } catch (IOException | RuntimeException e) {
            return CheckResult.failed(Check.SEAL, SEAL_MALFORMED, prefix + "maker certificate unreadable");
        }
        return CheckResult.passed(Check.SEAL, prefix + "maker signature verified, signer listed, valid at "
                + time.at());
    }

    /** How SEAL reasons name the seal. */
    public static String prefix(SealView seal) {
        return "seal " + seal.esId() + ": ";
    }

    /** A seal-core check as a shared result; its kind name is the code unless it passed. */
    public static CheckResult of(Check check, SesCheck result, String prefix) {
        Verdict verdict = switch (result.status()) {
            case PASSED -> Verdict.PASSED;
            case FAILED -> Verdict.FAILED;
            case INDETERMINATE -> Verdict.INDETERMINATE;
        };
        String code = verdict == Verdict.PASSED ? CheckResult.OK : result.kind().name();
        return new CheckResult(check, verdict, code, prefix + result.reason(), true);
    }
}
