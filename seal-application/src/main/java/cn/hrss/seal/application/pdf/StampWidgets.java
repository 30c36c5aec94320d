package cn.hrss.seal.application.pdf;

import cn.hrss.seal.core.ses.SealView;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The widget annotations that show the seal picture of one signature. A plain stamp is one widget; a riding seal is
 * one widget per page, each showing a vertical slice of the same image XObject: the appearance draws the whole
 * picture shifted left and its bounding box clips it to the slice, so the picture is embedded once.
 */
final class StampWidgets {
    static final float POINTS_PER_MM = 72f / 25.4f;

    private StampWidgets() {
    }

    /** One widget with the whole picture at its physical size, centred at (x, y) in user space. */
    static PDAnnotationWidget stamp(PDDocument document, PDImageXObject image, SealView.Picture picture,
                                    PDPage page, float x, float y) throws IOException {
        float width = picture.widthMm() * POINTS_PER_MM;
        float height = picture.heightMm() * POINTS_PER_MM;
        return widget(document, page, new PDRectangle(x - width / 2, y - height / 2, width, height),
                image, 0, width, height);
    }

    /** Slice i of n at the right edge of each page, centred {@code yMm} below the top of the crop box. */
    static List<PDAnnotationWidget> ridingSeal(PDDocument document, PDImageXObject image, SealView.Picture picture,
                                               float yMm) throws IOException {
        int n = document.getNumberOfPages();
        float width = picture.widthMm() * POINTS_PER_MM;
        float height = picture.heightMm() * POINTS_PER_MM;
        float slice = width / n;
        List<PDAnnotationWidget> widgets = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            PDPage page = document.getPage(i);
            PDRectangle crop = page.getCropBox();
            float centreY = crop.getUpperRightY() - yMm * POINTS_PER_MM;
            PDRectangle rect = new PDRectangle(crop.getUpperRightX() - slice, centreY - height / 2, slice, height);
            widgets.add(widget(document, page, rect, image, -i * slice, width, height));
        }
        return widgets;
    }

    private static PDAnnotationWidget widget(PDDocument document, PDPage page, PDRectangle rect,
                                             PDImageXObject image, float imageOffset, float imageWidth,
                                             float imageHeight) throws IOException {
        PDAppearanceStream appearance = new PDAppearanceStream(document);
        appearance.setBBox(new PDRectangle(rect.getWidth(), rect.getHeight()));
        appearance.setResources(new PDResources());
        try (PDPageContentStream content = new PDPageContentStream(document, appearance)) {
            content.drawImage(image, imageOffset, 0, imageWidth, imageHeight);
        }
        PDAppearanceDictionary appearances = new PDAppearanceDictionary();
        appearances.setNormalAppearance(appearance);

        PDAnnotationWidget widget = new PDAnnotationWidget();
        widget.setRectangle(rect);
        widget.setAppearance(appearances);
        widget.setPage(page);
        widget.setPrinted(true);
        widget.setLocked(true);
        page.getAnnotations().add(widget);
        page.getCOSObject().setNeedToBeUpdated(true);
        return widget;
    }
}
