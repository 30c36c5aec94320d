package cn.hrss.seal.cli;

import cn.hrss.seal.application.verify.Check;
import cn.hrss.seal.application.verify.CheckResult;
import cn.hrss.seal.application.verify.SealDetails;
import cn.hrss.seal.application.verify.SignatureChecks;
import cn.hrss.seal.application.verify.SignatureReport;
import cn.hrss.seal.application.verify.SigningTime;
import cn.hrss.seal.application.verify.TimeStampVerifier;
import cn.hrss.seal.application.verify.VerificationReport;
import cn.hrss.seal.core.crypto.Sm3;
import cn.hrss.seal.core.ses.SesParser;
import cn.hrss.seal.core.ses.SesVerifier;
import cn.hrss.seal.core.ses.SignatureView;
import org.bouncycastle.cert.X509CertificateHolder;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Verifies a detached SES_Signature over data with the shared checks (the same ones the PDF and OFD verifiers
 * use): format, data hash, signer signature, time stamp, signer certificate path, seal. Stands in for
 * seal-application's data verifier until that lands.
 */
final class DataVerifier {
    static final String MALFORMED = "SES_SIGNATURE_MALFORMED";

    private final SignatureChecks shared;

    DataVerifier(SignatureChecks shared) {
        this.shared = shared;
    }

    VerificationReport verify(byte[] signature, byte[] data, Instant now) {
        SignatureView ses;
        X509CertificateHolder signer;
        try {
            ses = new SesParser().parseSignature(signature);
            signer = new X509CertificateHolder(ses.signerCertificate());
        } catch (IOException | RuntimeException e) {
            return new VerificationReport(now, List.of(), List.of(SignatureReport.formatOnly("signature",
                    CheckResult.failed(Check.FORMAT, MALFORMED, "not a GB/T 38540 SES_Signature: "
                            + e.getMessage()))));
        }
        List<CheckResult> checks = new ArrayList<>();
        checks.add(CheckResult.passed(Check.FORMAT, ses.version() + " SES_Signature"));
        checks.add(SignatureChecks.of(Check.DOCUMENT_INTEGRITY, SesVerifier.dataHash(ses, Sm3.hash(data)), ""));
        checks.add(SignatureChecks.of(Check.SIGNER_SIGNATURE, SesVerifier.signerSignature(ses), ""));
        TimeStampVerifier.Result timeStamp = shared.timeStamp(ses.timeStamp(), ses.signatureValue());
        checks.add(timeStamp.check());
        SigningTime signingTime = timeStamp.signingTime(now);
        checks.addAll(shared.signer(signer, List.of(), signingTime));
        checks.add(shared.seal(ses.seal(), SesVerifier.signerListedInSeal(ses), List.of(), signingTime));
        return new VerificationReport(now, List.of(), List.of(new SignatureReport("signature",
                Optional.of(signer.getSubject().toString()), Optional.of(ses.seal().esId()),
                Optional.of(ses.seal().name()), ses.signingTime(), timeStamp.time(), checks,
                Optional.of(SealDetails.of(ses.seal())))));
    }
}
