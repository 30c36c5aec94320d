package cn.hrss.seal.application.report;

import cn.hrss.seal.application.verify.CheckResult;
import cn.hrss.seal.application.verify.SealDetails;
import cn.hrss.seal.application.verify.SignatureReport;
import cn.hrss.seal.application.verify.VerificationReport;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A verification report as published (JSON of {@code POST /api/v1/verify}, the PDF report, the portal's page):
 * camelCase, ISO-8601 UTC times, absent values omitted. Built from the {@link VerificationReport} model only, so
 * every rendering says the same thing.
 *
 * @param documentType PDF, OFD or SES_SIGNATURE
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportView(String verdict, String validationTime, String documentType, List<CheckView> documentChecks,
                         List<SignatureView> signatures) {

    /** One check: {@code decisive} false means reported but not counted in the verdict (e.g. offline status). */
    public record CheckView(String check, String verdict, String code, String reason, boolean decisive) {
        static CheckView of(CheckResult result) {
            return new CheckView(result.check().name(), result.verdict().name(), result.code(), result.reason(),
                    result.decisive());
        }
    }

    /**
     * One signature and its seal.
     *
     * @param sealPictureType   the picture format the seal names (png, jpg, ofd, svg...), lower case
     * @param sealPictureBase64 the picture bytes, standard base64
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SignatureView(String name, String verdict, String signer, String esId, String sealName,
                                String sealMaker, String sealValidFrom, String sealValidTo, String sealPictureType,
                                String sealPictureBase64, Integer sealWidthMm, Integer sealHeightMm,
                                String claimedTime, String timeStampTime, List<CheckView> checks) {
        static SignatureView of(SignatureReport report) {
            Optional<SealDetails> seal = report.seal();
            return new SignatureView(report.name(), report.verdict().name(), report.signer().orElse(null),
                    report.esId().orElse(null), report.sealName().orElse(null),
                    seal.flatMap(SealDetails::maker).orElse(null),
                    seal.map(s -> time(s.validStart())).orElse(null), seal.map(s -> time(s.validEnd())).orElse(null),
                    seal.map(s -> s.pictureType().toLowerCase(Locale.ROOT)).orElse(null),
                    seal.map(s -> Base64.getEncoder().encodeToString(s.picture())).orElse(null),
                    seal.map(SealDetails::widthMm).orElse(null), seal.map(SealDetails::heightMm).orElse(null),
                    report.claimedTime().map(ReportView::time).orElse(null),
                    report.timeStampTime().map(ReportView::time).orElse(null),
                    report.checks().stream().map(CheckView::of).toList());
        }

        /** The picture bytes, when there are any. */
        public Optional<byte[]> picture() {
            return Optional.ofNullable(sealPictureBase64).map(Base64.getDecoder()::decode);
        }
    }

    public static ReportView of(VerificationReport report, String documentType) {
        return new ReportView(report.verdict().name(), time(report.validationTime()), documentType,
                report.documentChecks().stream().map(CheckView::of).toList(),
                report.signatures().stream().map(SignatureView::of).toList());
    }

    private static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
