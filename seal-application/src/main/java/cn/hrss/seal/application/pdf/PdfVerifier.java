package cn.hrss.seal.application.pdf;

import cn.hrss.seal.application.verify.Check;
import cn.hrss.seal.application.verify.CheckResult;
import cn.hrss.seal.application.verify.RevocationSource;
import cn.hrss.seal.application.verify.SealStatusSource;
import cn.hrss.seal.application.verify.SignatureChecks;
import cn.hrss.seal.application.verify.SignatureReport;
import cn.hrss.seal.application.verify.VerificationReport;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.cert.X509CertificateHolder;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Offline verification of the signatures in a PDF: format, document integrity and revision coverage, signer
 * signature, certificate path to the trusted roots, certificate validity at the signing time (the time stamp's
 * genTime if there is a valid one, else the validation time), revocation status (through a {@link RevocationSource};
 * offline it is reported as not checked), the signature time stamp, the GB/T 38540 seal and its status (through a
 * {@link SealStatusSource}; offline not checked). Untrusted input never
 * escapes as an exception: unreadable documents give a FAILED FORMAT document check.
 */
public final class PdfVerifier {
    private final SignatureChecks shared;
    private final Clock clock;
    private final PdfLimits limits;

    /** Online: certificate status through {@code revocation}, seal status through {@code sealStatus}. */
    public PdfVerifier(List<X509CertificateHolder> trustedRoots, RevocationSource revocation,
                       SealStatusSource sealStatus, Clock clock, PdfLimits limits) {
        this.shared = new SignatureChecks(trustedRoots, revocation, sealStatus);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** Seal status not checked. */
    public PdfVerifier(List<X509CertificateHolder> trustedRoots, RevocationSource revocation, Clock clock,
                       PdfLimits limits) {
        this(trustedRoots, revocation, SealStatusSource.notChecked(), clock, limits);
    }

    /** Offline: revocation not checked, system clock, default limits. */
    public PdfVerifier(List<X509CertificateHolder> trustedRoots) {
        this(trustedRoots, RevocationSource.notChecked(), Clock.systemUTC(), PdfLimits.DEFAULT);
    }

    public VerificationReport verify(byte[] pdf) {
        Instant now = clock.instant();
        if (pdf.length > limits.maxBytes()) {
            return documentFailure(now, PdfErrors.TOO_LARGE, "PDF of " + pdf.length + " bytes exceeds the limit of "
                    + limits.maxBytes());
        }
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<PDSignatureField> fields = new ArrayList<>();
            List<Long> ends = new ArrayList<>();
            for (PDSignatureField field : document.getSignatureFields()) {
                if (field.getSignature() != null) {
                    fields.add(field);
                    int[] range = field.getSignature().getByteRange();
                    if (range.length == 4) {
                        ends.add((long) range[2] + range[3]);
                    }
                }
            }
            if (fields.isEmpty()) {
                return new VerificationReport(now, List.of(CheckResult.indeterminate(Check.FORMAT,
                        VerificationReport.NO_SIGNATURE, "the document carries no signature")), List.of());
            }
            List<SignatureReport> reports = new ArrayList<>();
            for (PDSignatureField field : fields) {
                reports.add(new PdfSignatureValidation(pdf, document, field, ends, shared, now).report());
            }
            return new VerificationReport(now, List.of(CheckResult.passed(Check.FORMAT,
                    "PDF with " + fields.size() + " signature(s)")), reports);
        } catch (InvalidPasswordException e) {
            return documentFailure(now, PdfErrors.ENCRYPTED, "encrypted PDFs are not supported");
        } catch (IOException | RuntimeException e) {
            return documentFailure(now, PdfErrors.MALFORMED, "not a readable PDF: " + e.getMessage());
        }
    }

    private static VerificationReport documentFailure(Instant now, String code, String reason) {
        return new VerificationReport(now, List.of(CheckResult.failed(Check.FORMAT, code, reason)), List.of());
    }
}
