package cn.hrss.seal.application.report;

import cn.hrss.seal.application.verify.Check;
import cn.hrss.seal.application.verify.CheckResult;
import cn.hrss.seal.application.verify.SignatureReport;
import cn.hrss.seal.application.verify.VerificationReport;
import cn.hrss.seal.core.error.SealException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The PDF report on its own: Chinese and English labels, long reasons, characters the font lacks, no font. */
class PdfReportTest {
    private static final ReportProperties DEFAULTS = new ReportProperties(null, null);

    private static ReportView failedReport() {
        String longReason = "seal 3501009: REVOKED since 2026-11-20T09:00:00Z (单位注销 unit dissolved) now"
                + " (no time stamp proves an earlier signing time) ".repeat(4) + "\uD83D\uDE00 end";
        SignatureReport signature = new SignatureReport("Signature1", Optional.of("CN=测试局 Seal"),
                Optional.of("3501009"), Optional.of("测试局公章"), Optional.empty(), Optional.empty(),
                List.of(CheckResult.passed(Check.FORMAT, "adbe.pkcs7.detached CMS SignedData"),
                        CheckResult.failed(Check.SEAL_STATUS, "SEAL_REVOKED", longReason),
                        CheckResult.indeterminate(Check.CERTIFICATE_STATUS, "NOT_CHECKED", "offline")
                                .informational()));
        return ReportView.of(new VerificationReport(Instant.parse("2026-11-23T10:00:00Z"),
                List.of(CheckResult.passed(Check.FORMAT, "PDF with 1 signature(s)")), List.of(signature)), "PDF");
    }

    @Test
    void chineseReportShowsVerdictChecksAndWrappedReasons() throws Exception {
        PdfReportRenderer renderer = new PdfReportRenderer(new ReportFont(DEFAULTS));

        String text = text(renderer.render(failedReport(), ReportLanguage.ZH));

        assertThat(text).contains("电子印章验证报告", "验证结论: 失败", "印章状态: 失败 [SEAL_REVOKED]", "测试局公章",
                "单位注销", "（仅供参考，不影响结论）", "end");
    }

    @Test
    void englishReportUsesEnglishLabels() throws Exception {
        String text = text(new PdfReportRenderer(new ReportFont(DEFAULTS)).render(failedReport(), ReportLanguage.EN));

        assertThat(text).contains("Electronic seal verification report", "Verdict: FAILED",
                "Seal status: FAILED [SEAL_REVOKED]", "informational");
    }

    @Test
    void withoutAFontThePdfReportIsUnavailableNotBroken() {
        PdfReportRenderer renderer = new PdfReportRenderer(new ReportFont(
                new ReportProperties(null, List.of("/nonexistent/font.ttf"))));

        assertThatThrownBy(() -> renderer.render(failedReport(), ReportLanguage.ZH))
                .isInstanceOfSatisfying(SealException.class, e -> {
                    assertThat(e.code()).isEqualTo(ReportFont.FONT_UNAVAILABLE);
                    assertThat(e.httpStatus()).isEqualTo(503);
                });
    }

    @Test
    void languageComesFromTheParameterThenAcceptLanguageAndDefaultsToChinese() {
        assertThat(ReportLanguage.of("en", "zh-CN")).isEqualTo(ReportLanguage.EN);
        assertThat(ReportLanguage.of(null, "en-US,en;q=0.9,zh;q=0.8")).isEqualTo(ReportLanguage.EN);
        assertThat(ReportLanguage.of(null, "zh-CN,zh;q=0.9,en;q=0.5")).isEqualTo(ReportLanguage.ZH);
        assertThat(ReportLanguage.of("", null)).isEqualTo(ReportLanguage.ZH);
        assertThat(ReportLanguage.of(null, ";;;q=x")).isEqualTo(ReportLanguage.ZH);
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
