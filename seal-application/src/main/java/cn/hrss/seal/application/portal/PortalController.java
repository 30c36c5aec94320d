package cn.hrss.seal.application.portal;

import cn.hrss.seal.application.report.ReportView;
import cn.hrss.seal.application.verification.DocumentType;
import cn.hrss.seal.application.verification.DocumentVerification;
import cn.hrss.seal.core.error.SealException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.WebUtils;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The public verification portal: {@code GET /verify} shows the upload form, {@code POST /verify} (multipart
 * {@code file}, a PDF or OFD) shows the verification report. Chinese unless {@code ?lang=en}. Every refusal is the
 * form again with a message and a 4xx status, never an error page.
 */
@Controller
class PortalController {
    static final String PATH = "/verify";
    static final String VIEW = "portal/verify";
    /** Only what the page itself serves: its stylesheet and seal pictures inline; no scripts, no framing. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:; "
            + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private final DocumentVerification verification;
    private final PortalTexts texts;
    private final PortalProperties properties;

    PortalController(DocumentVerification verification, PortalTexts texts, PortalProperties properties) {
        this.verification = verification;
        this.texts = texts;
        this.properties = properties;
    }

    @GetMapping(PATH)
    ModelAndView form(@RequestParam(name = "lang", required = false) String lang, HttpServletRequest request,
                      HttpServletResponse response) {
        return page(lang, request, response, HttpStatus.OK, null, null);
    }

    /** The file is read from the request itself: after {@link PortalUploadLimit} it may not be multipart. */
    @PostMapping(PATH)
    ModelAndView verify(@RequestParam(name = "lang", required = false) String lang, HttpServletRequest request,
                        HttpServletResponse response) {
        PortalTexts.In in = texts.in(PortalTexts.locale(lang));
        if (request.getAttribute(PortalUploadLimit.TOO_LARGE) != null) {
            return tooLarge(lang, request, response, in);
        }
        MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        MultipartFile file = multipart == null ? null : multipart.getFile("file");
        MultipartFile receipt = multipart == null ? null : multipart.getFile("receipt");
        if (!PortalCsrf.matches(request)) {
            return page(lang, request, response, HttpStatus.FORBIDDEN, in.get("error.expired"), null);
        }
        if (file == null || file.isEmpty()) {
            return page(lang, request, response, HttpStatus.BAD_REQUEST, in.get("error.empty"), null);
        }
        if (file.getSize() > properties.maxUploadSize().toBytes()) {
            return tooLarge(lang, request, response, in);
        }
        byte[] document;
        try {
            document = file.getBytes();
        } catch (IOException e) {
            return page(lang, request, response, HttpStatus.BAD_REQUEST, in.get("error.unreadable"), null);
        }
        Optional<DocumentType> type = DocumentType.detect(document)
                .filter(t -> t == DocumentType.PDF || t == DocumentType.OFD);
        if (type.isEmpty()) {
            return page(lang, request, response, HttpStatus.BAD_REQUEST, in.get("error.type"), null);
        }
        try {
            List<byte[]> receipts = receipt == null || receipt.isEmpty() ? List.of() : List.of(receipt.getBytes());
            ReportView report = ReportView.of(verification.verify(document, Optional.empty(), receipts),
                    type.get().name());
            return page(lang, request, response, HttpStatus.OK, null, PortalReport.of(report, in));
        } catch (IOException e) {
            return page(lang, request, response, HttpStatus.BAD_REQUEST, in.get("error.unreadable"), null);
        } catch (SealException e) {
            // the node's own limits and checks of the input: shown as the form's message with their status
            String message = "DOCUMENT_TOO_LARGE".equals(e.code())
                    ? in.get("error.tooLarge", properties.maxUploadSizeText())
                    : in.getOr("error." + e.code(), in.get("error.rejected", e.getMessage()));
            HttpStatus status = Optional.ofNullable(HttpStatus.resolve(e.httpStatus()))
                    .filter(HttpStatus::is4xxClientError).orElse(HttpStatus.BAD_REQUEST);
            return page(lang, request, response, status, message, null);
        }
    }

    private ModelAndView tooLarge(String lang, HttpServletRequest request, HttpServletResponse response,
                                  PortalTexts.In in) {
        return page(lang, request, response, HttpStatus.PAYLOAD_TOO_LARGE,
                in.get("error.tooLarge", properties.maxUploadSizeText()), null);
    }

    private ModelAndView page(String lang, HttpServletRequest request, HttpServletResponse response,
                              HttpStatus status, String error, PortalReport report) {
        PortalTexts.In in = texts.in(PortalTexts.locale(lang));
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("Referrer-Policy", "no-referrer");
        // reports are about someone's document: not for shared caches or the back button of a shared computer
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        Map<String, Object> model = new HashMap<>();
        model.put("t", in);
        model.put("csrf", PortalCsrf.issue(request, response));
        model.put("csrfField", PortalCsrf.FIELD);
        model.put("maxSize", properties.maxUploadSizeText());
        model.put("action", PATH + (in.english() ? "?lang=en" : ""));
        if (error != null) {
            model.put("error", error);
        }
        if (report != null) {
            model.put("report", report);
        }
        return new ModelAndView(VIEW, model, status);
    }
}
