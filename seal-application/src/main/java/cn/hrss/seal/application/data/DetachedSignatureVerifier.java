package cn.hrss.seal.application.data;

import cn.hrss.seal.application.verify.Check;
import cn.hrss.seal.application.verify.CheckResult;
import cn.hrss.seal.application.verify.RevocationSource;
import cn.hrss.seal.application.verify.SealDetails;
import cn.hrss.seal.application.verify.SealStatusSource;
import cn.hrss.seal.application.verify.SignatureChecks;
import cn.hrss.seal.application.verify.SignatureReport;
import cn.hrss.seal.application.verify.SigningTime;
import cn.hrss.seal.application.verify.TimeStampVerifier;
import cn.hrss.seal.application.verify.VerificationReport;
import cn.hrss.seal.core.crypto.Sm3;
import cn.hrss.seal.core.error.SealException;
import cn.hrss.seal.core.ses.SesLimits;
import cn.hrss.seal.core.ses.SesParser;
import cn.hrss.seal.core.ses.SesVerifier;
import cn.hrss.seal.core.ses.SignatureView;
import org.bouncycastle.cert.X509CertificateHolder;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies a detached GB/T 38540 SES_Signature against its data (TBS_Sign dataHash = SM3(data)) with the checks the
 * PDF and OFD verifiers share: format, data hash, signer signature, time stamp, signer certificate path and status,
 * seal, seal status. Untrusted input never escapes as an exception: an unreadable signature is a FAILED FORMAT.
 */
public final class DetachedSignatureVerifier {
    /** The bytes are not a GB/T 38540 / GM/T 0031 SES_Signature. */
    public static final String MALFORMED = "SES_SIGNATURE_MALFORMED";
    /** Report name of the one signature. */
    static final String NAME = "signature";

    private final SignatureChecks shared;
    private final Clock clock;
    private final SesParser parser;

    public DetachedSignatureVerifier(List<X509CertificateHolder> trustedRoots, RevocationSource revocation,
                                     SealStatusSource sealStatus, Clock clock, SesLimits limits) {
        this.shared = new SignatureChecks(trustedRoots, revocation, sealStatus);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.parser = new SesParser(limits);
    }

    /** Offline: certificate and seal status not checked, system clock, default limits. */
    public DetachedSignatureVerifier(List<X509CertificateHolder> trustedRoots) {
        this(trustedRoots, RevocationSource.notChecked(), SealStatusSource.notChecked(), Clock.systemUTC(),
                SesLimits.DEFAULT);
    }

    /** Verifies {@code signature} over {@code data}. */
    public VerificationReport verify(byte[] signature, byte[] data) {
        return verifyDigest(signature, Sm3.hash(data));
    }

    /** Verifies {@code signature} over data known only by its 32-byte SM3 digest. */
    public VerificationReport verifyDigest(byte[] signature, byte[] sm3) {
        if (sm3.length != 32) {
            throw SealException.badRequest("SM3_DIGEST_INVALID", "an SM3 digest has 32 bytes, not " + sm3.length);
        }
        Instant now = clock.instant();
        SignatureView ses;
        X509CertificateHolder signer;
        try {
            ses = parser.parseSignature(signature);
            signer = new X509CertificateHolder(ses.signerCertificate());
        } catch (IOException | RuntimeException e) {
            return new VerificationReport(now, List.of(), List.of(SignatureReport.formatOnly(NAME,
                    CheckResult.failed(Check.FORMAT, MALFORMED, "not a GB/T 38540 SES_Signature: "
                            + e.getMessage()))));
        }
        List<CheckResult> checks = new ArrayList<>();
        checks.add(CheckResult.passed(Check.FORMAT, ses.version() + " SES_Signature"));
        checks.add(SignatureChecks.of(Check.DOCUMENT_INTEGRITY, SesVerifier.dataHash(ses, sm3), ""));
        checks.add(SignatureChecks.of(Check.SIGNER_SIGNATURE, SesVerifier.signerSignature(ses), ""));
        TimeStampVerifier.Result timeStamp = shared.timeStamp(ses.timeStamp(), ses.signatureValue());
        checks.add(timeStamp.check());
        SigningTime signingTime = timeStamp.signingTime(now);
        checks.addAll(shared.signer(signer, List.of(), signingTime));
        checks.add(shared.seal(ses.seal(), SesVerifier.signerListedInSeal(ses), List.of(), signingTime));
        checks.add(shared.sealStatus(ses.seal(), signingTime));
        return new VerificationReport(now, List.of(), List.of(new SignatureReport(NAME,
                Optional.of(cn.hrss.seal.application.verify.CertificatePathValidator.name(signer.getSubject())), Optional.of(ses.seal().esId()),
                Optional.of(ses.seal().name()), ses.signingTime(), timeStamp.time(), checks,
                Optional.of(SealDetails.of(ses.seal())))));
    }
}
