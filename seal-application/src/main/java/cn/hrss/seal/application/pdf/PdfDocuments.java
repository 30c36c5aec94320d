package cn.hrss.seal.application.pdf;

import cn.hrss.seal.core.error.SealException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

import java.io.IOException;

/** Opens untrusted PDF bytes within limits, turning every parser failure into a stable code. */
final class PdfDocuments {
    private PdfDocuments() {
    }

    static PDDocument open(byte[] pdf, PdfLimits limits) {
        if (pdf.length > limits.maxBytes()) {
            throw new SealException(PdfErrors.TOO_LARGE, 413,
                    "PDF of " + pdf.length + " bytes exceeds the limit of " + limits.maxBytes());
        }
        try {
            PDDocument document = Loader.loadPDF(pdf);
            if (document.isEncrypted()) {
                document.close();
                throw PdfErrors.badRequest(PdfErrors.ENCRYPTED, "encrypted PDFs are not supported");
            }
            return document;
        } catch (InvalidPasswordException e) {
            throw PdfErrors.badRequest(PdfErrors.ENCRYPTED, "encrypted PDFs are not supported");
        } catch (IOException | RuntimeException e) {
            if (e instanceof SealException sealException) {
                throw sealException;
            }
            throw new SealException(PdfErrors.MALFORMED, 400, "not a readable PDF: " + e.getMessage(),
                    null, e);
        }
    }
}
