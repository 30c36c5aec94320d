package cn.hrss.seal.application.pdf;

import cn.hrss.seal.application.sign.SealSigningKey;
import cn.hrss.seal.application.sign.TimeStampSource;
import cn.hrss.seal.core.error.SealException;
import cn.hrss.seal.core.ses.SealView;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Objects;
import java.util.TimeZone;

/**
 * Applies one seal to a PDF as an incremental update, so earlier signatures keep their byte ranges and stay valid.
 *
 * <p>The three steps: PDFBox writes the increment with a placeholder /Contents and hands out the bytes of the
 * /ByteRange (data to be signed); {@link CmsSignatureBuilder} has the device sign SM3(Z || signed attributes) and
 * adds the time stamp; the DER CMS is written into the placeholder. The signature dictionary is
 * {@code /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached} (see docs/PDF-SIGNATURES.md).
 */
public final class PdfSigner {
    private final TimeStampSource timeStamps;
    private final Clock clock;
    private final PdfLimits limits;
    private final StampImages stampImages = new StampImages();

    /** @param timeStamps the TSA, or null to sign without a time stamp (the verifier then reports it) */
    public PdfSigner(TimeStampSource timeStamps, Clock clock, PdfLimits limits) {
        this.timeStamps = timeStamps;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public PdfSigner(TimeStampSource timeStamps) {
        this(timeStamps, Clock.systemUTC(), PdfLimits.DEFAULT);
    }

    /** Returns the whole signed document: the original bytes followed by the signature's incremental update. */
    public byte[] sign(byte[] pdf, SealSigningKey key, StampPlacement placement) {
        return sign(pdf, key, placement, timeStamps);
    }

    /** As {@link #sign(byte[], SealSigningKey, StampPlacement)}, time-stamped by this signing's own source. */
    public byte[] sign(byte[] pdf, SealSigningKey key, StampPlacement placement, TimeStampSource timeStamps) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(placement, "placement");
        Instant signingTime = clock.instant();
        key.checkUsableAt(signingTime);
        try (PDDocument document = PdfDocuments.open(pdf, limits);
             SignatureOptions options = new SignatureOptions()) {
            if (document.getNumberOfPages() > limits.maxPages()) {
                throw new SealException(PdfErrors.TOO_LARGE, 413, "more than " + limits.maxPages() + " pages");
            }
            PDSignature signature = signatureDictionary(key.sealView(), signingTime);
            List<PDAnnotationWidget> widgets = widgets(document, key.sealView().picture(), placement);
            signatureField(document, signature, widgets);
            options.setPreferredSignatureSize(CmsSignatureBuilder.estimatedSize(key, timeStamps != null));
            PDAnnotationWidget first = widgets.get(0);
            PDRectangle stampRect = first.getRectangle();
            PDAppearanceDictionary stampAppearance = first.getAppearance();
            document.addSignature(signature, options);
            // PDFBox treats a pre-built field as invisible and blanks its first widget; put the stamp back.
            first.setRectangle(stampRect);
            first.setAppearance(stampAppearance);

            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 64 * 1024);
            ExternalSigningSupport external = document.saveIncrementalForExternalSigning(out);
            byte[] signedContent = external.getContent().readAllBytes();
            byte[] cms = CmsSignatureBuilder.build(signedContent, key, signingTime, timeStamps);
            if (cms.length > options.getPreferredSignatureSize()) {
                throw new SealException(PdfErrors.SIGNATURE_TOO_LARGE, 500, "CMS of " + cms.length
                        + " bytes exceeds the reserved " + options.getPreferredSignatureSize());
            }
            external.setSignature(cms);
            return out.toByteArray();
        } catch (IOException e) {
            throw new SealException(PdfErrors.MALFORMED, 400, "PDF could not be signed: " + e.getMessage(),
                    null, e);
        }
    }

    private static PDSignature signatureDictionary(SealView seal, Instant signingTime) {
        PDSignature signature = new PDSignature();
        signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
        signature.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
        signature.setName(seal.name());
        signature.setReason("esID " + seal.esId());
        Calendar time = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        time.setTimeInMillis(signingTime.toEpochMilli());
        signature.setSignDate(time);
        return signature;
    }

    private List<PDAnnotationWidget> widgets(PDDocument document, SealView.Picture picture,
                                             StampPlacement placement) throws IOException {
        PDImageXObject image = stampImages.image(document, picture.data());
        if (placement instanceof StampPlacement.At at) {
            if (at.page() > document.getNumberOfPages()) {
                throw PdfErrors.badRequest(PdfErrors.BAD_PLACEMENT, "page " + at.page() + " of "
                        + document.getNumberOfPages());
            }
            PDPage page = document.getPage(at.page() - 1);
            PDRectangle crop = page.getCropBox();
            float x = crop.getLowerLeftX() + (float) at.xMm() * StampWidgets.POINTS_PER_MM;
            float y = crop.getUpperRightY() - (float) at.yMm() * StampWidgets.POINTS_PER_MM;
            if (!crop.contains(x, y)) {
                throw PdfErrors.badRequest(PdfErrors.BAD_PLACEMENT, "stamp centre (" + at.xMm() + ", "
                        + at.yMm() + ") mm lies outside page " + at.page());
            }
            return List.of(StampWidgets.stamp(document, image, picture, page, x, y));
        }
        if (placement instanceof StampPlacement.Keyword keyword) {
            KeywordLocator.Location location = KeywordLocator.lastOccurrence(document, keyword.keyword())
                    .orElseThrow(() -> PdfErrors.badRequest(PdfErrors.KEYWORD_NOT_FOUND,
                            "keyword not found in the document text"));
            return List.of(StampWidgets.stamp(document, image, picture, document.getPage(location.pageIndex()),
                    location.x(), location.y()));
        }
        if (document.getNumberOfPages() < 2) {
            throw PdfErrors.badRequest(PdfErrors.BAD_PLACEMENT, "a riding seal needs at least two pages");
        }
        return StampWidgets.ridingSeal(document, image, picture, (float) ((StampPlacement.RidingSeal) placement).yMm());
    }

    /** A signature field whose kids are the stamp widgets, registered in the AcroForm so addSignature uses it. */
    private static PDSignatureField signatureField(PDDocument document, PDSignature signature,
                                                   List<PDAnnotationWidget> widgets) throws IOException {
        PDAcroForm form = document.getDocumentCatalog().getAcroForm(null);
        if (form == null) {
            form = new PDAcroForm(document);
            document.getDocumentCatalog().setAcroForm(form);
        }
        PDSignatureField field = new PDSignatureField(form);
        field.setWidgets(widgets);
        for (PDAnnotationWidget widget : widgets) {
            widget.setParent(field);
        }
        field.getCOSObject().setItem(COSName.V, signature);
        form.getFields().add(field);
        form.getCOSObject().setNeedToBeUpdated(true);
        if (form.getCOSObject().getDictionaryObject(COSName.FIELDS) instanceof COSArray fields) {
            fields.setNeedToBeUpdated(true);
        }
        return field;
    }
}
