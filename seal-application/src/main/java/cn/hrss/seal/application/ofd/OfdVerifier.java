package cn.hrss.seal.application.ofd;

import cn.hrss.seal.application.verify.Check;
import cn.hrss.seal.application.verify.CheckResult;
import cn.hrss.seal.application.verify.RevocationSource;
import cn.hrss.seal.application.verify.SealStatusSource;
import cn.hrss.seal.application.verify.SignatureChecks;
import cn.hrss.seal.application.verify.SignatureReport;
import cn.hrss.seal.application.verify.VerificationReport;
import cn.hrss.seal.core.error.SealException;
import cn.hrss.seal.core.ses.SesLimits;
import cn.hrss.seal.core.ses.SesParser;
import org.bouncycastle.cert.X509CertificateHolder;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Offline verification of the seal signatures of an OFD document into the shared {@link VerificationReport}. Per
 * entry of Signatures.xml: FORMAT (Signature.xml and SignedValue.dat readable), DOCUMENT_INTEGRITY (every Reference,
 * then TBS_Sign.dataHash against the Signature.xml bytes), SIGNER_SIGNATURE over TBS_Sign, TIME_STAMP over the
 * signature value, the signer certificate path at the signing time (the time stamp's genTime when valid, else the
 * validation time), SEAL (Seal.esl = TBS_Sign.eseal, maker signature and certificate, signer listed, validity) and
 * SEAL_STATUS (through a {@link SealStatusSource}; offline not checked).
 * Untrusted input never escapes as an exception: an unreadable package is a FAILED FORMAT document check.
 */
public final class OfdVerifier {
    private final SignatureChecks shared;
    private final Clock clock;
    private final OfdLimits limits;
    private final SesParser parser;

    /** Seal status not checked. */
    public OfdVerifier(List<X509CertificateHolder> trustedRoots, RevocationSource revocation, Clock clock,
                       OfdLimits limits, SesLimits sesLimits) {
        this(trustedRoots, revocation, SealStatusSource.notChecked(), clock, limits, sesLimits);
    }

    /** Online: certificate status through {@code revocation}, seal status through {@code sealStatus}. */
    public OfdVerifier(List<X509CertificateHolder> trustedRoots, RevocationSource revocation,
                       SealStatusSource sealStatus, Clock clock, OfdLimits limits, SesLimits sesLimits) {
        this.shared = new SignatureChecks(trustedRoots, revocation, sealStatus);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.parser = new SesParser(sesLimits);
    }

    /** Offline: revocation not checked, system clock, default limits. */
    public OfdVerifier(List<X509CertificateHolder> trustedRoots) {
        this(trustedRoots, RevocationSource.notChecked(), Clock.systemUTC(), OfdLimits.DEFAULT, SesLimits.DEFAULT);
    }

    public VerificationReport verify(byte[] ofd) {
        Instant now = clock.instant();
        OfdPackage pkg;
        List<OfdSignatures.Entry> entries;
        try {
            pkg = OfdPackage.read(ofd, limits);
            OfdDocument document = OfdDocument.read(pkg);
            if (document.signaturesPath().isEmpty()) {
                return new VerificationReport(now, List.of(CheckResult.indeterminate(Check.FORMAT,
                        VerificationReport.NO_SIGNATURE, "the document carries no signature")), List.of());
            }
            entries = OfdSignatures.entries(pkg, document.signaturesPath().get());
        } catch (SealException e) {
            return new VerificationReport(now, List.of(CheckResult.failed(Check.FORMAT, e.code(), e.getMessage())),
                    List.of());
        }
        List<SignatureReport> reports = new ArrayList<>();
        for (OfdSignatures.Entry entry : entries) {
            reports.add(new OfdSignatureValidation(pkg, entry, parser, shared, now).report());
        }
        CheckResult format = entries.isEmpty()
                ? CheckResult.indeterminate(Check.FORMAT, VerificationReport.NO_SIGNATURE, "Signatures.xml is empty")
                : CheckResult.passed(Check.FORMAT, "OFD with " + entries.size() + " signature(s)");
        return new VerificationReport(now, List.of(format), reports);
    }
}
