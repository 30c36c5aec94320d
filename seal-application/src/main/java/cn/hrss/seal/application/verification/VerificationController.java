package cn.hrss.seal.application.verification;

import cn.hrss.seal.application.report.PdfReportRenderer;
import cn.hrss.seal.application.report.ReportLanguage;
import cn.hrss.seal.application.report.ReportView;
import cn.hrss.seal.application.verify.VerificationReport;
import cn.hrss.seal.core.error.SealException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /api/v1/verify} (public): multipart {@code file} (PDF, OFD or DER SES_Signature) and, for an
 * SES_Signature, {@code data}. Answers the report as JSON, or as PDF when the client accepts
 * {@code application/pdf} before JSON; the PDF in Chinese unless {@code ?lang=en} or Accept-Language asks English.
 */
@RestController
class VerificationController {
    static final String PATH = "/api/v1/verify";
    static final String MALFORMED_REQUEST = "MALFORMED_REQUEST";

    private final DocumentVerification verification;
    private final PdfReportRenderer pdfReports;

    VerificationController(DocumentVerification verification, PdfReportRenderer pdfReports) {
        this.verification = verification;
        this.pdfReports = pdfReports;
    }

    @PostMapping(PATH)
    ResponseEntity<?> verify(@RequestParam(name = "file", required = false) MultipartFile file,
                             @RequestParam(name = "data", required = false) MultipartFile data,
                             @RequestParam(name = "receipt", required = false) List<MultipartFile> receipts,
                             @RequestParam(name = "lang", required = false) String lang,
                             @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
                             @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false)
                             String acceptLanguage) {
        if (file == null || file.isEmpty()) {
            throw SealException.badRequest(MALFORMED_REQUEST,
                    "upload the document as the multipart part 'file' (and detached data as 'data')");
        }
        byte[] document = bytes(file);
        Optional<byte[]> detached = data == null ? Optional.empty() : Optional.of(bytes(data));
        // the type is recognised again inside verify; here it only labels the report
        String type = DocumentType.detect(document).map(Enum::name).orElse(null);
        List<byte[]> given = receipts == null ? List.of()
                : receipts.stream().filter(r -> !r.isEmpty()).map(VerificationController::bytes).toList();
        VerificationReport report = verification.verify(document, detached, given);
        ReportView view = ReportView.of(report, type);
        if (wantsPdf(accept)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"verification-report.pdf\"")
                    .body(pdfReports.render(view, ReportLanguage.of(lang, acceptLanguage)));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(view);
    }

    /** The reader of the part; sizes were bounded by the multipart limits, and again by the verification. */
    private static byte[] bytes(MultipartFile part) {
        try {
            return part.getBytes();
        } catch (IOException e) {
            throw SealException.badRequest(MALFORMED_REQUEST, "the upload could not be read");
        }
    }

    private static boolean wantsPdf(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        MimeTypeUtils.sortBySpecificity(types);
        for (MediaType type : types) {
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType()) {
                return false;
            }
            if (type.equalsTypeAndSubtype(MediaType.APPLICATION_PDF)) {
                return true;
            }
        }
        return false;
    }
}
