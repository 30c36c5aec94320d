package cn.hrss.seal.core.picture;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Draws a round official seal at 1:1 physical geometry: red ring, five-pointed star in the centre, unit name
 * upright along the upper arc (reading clockwise), seal name horizontal below the star, optional code number
 * along the lower arc. Output: PNG with transparent background and a pHYs chunk stating the resolution, so a 1:1
 * print reproduces the physical size. Same design, same font, same output bytes.
 *
 * <p>Immutable and thread-safe.
 */
public final class SealPictureRenderer {
    /** Seal red (slightly orange-red, as printed seal ink). */
    public static final Color SEAL_RED = new Color(0xE6, 0x00, 0x00);
    public static final int DEFAULT_DPI = 600;

    /** Gap between the ring and the text, mm. */
    private static final double GAP_MM = 0.7;
    /** Upper-arc character height and the largest arc it may cover. */
    private static final double UNIT_TEXT_RATIO = 6.2 / 42;
    private static final double UNIT_MAX_SPAN = Math.toRadians(240);
    /** Short names are spaced out to at least this arc, as on physical seals. */
    private static final double UNIT_MIN_SPAN = Math.toRadians(200);
    private static final double SEAL_NAME_RATIO = 4.6 / 42;
    private static final double SEAL_NAME_BASELINE_RATIO = 13.2 / 42;
    private static final double CODE_TEXT_RATIO = 2.4 / 42;
    /** Song-style seal text is condensed horizontally; never squeeze below this. */
    private static final double MIN_CONDENSE = 0.35;
    /** Reference glyph for vertical placement, so all characters share one baseline. */
    private static final String REFERENCE_GLYPH = "国";

    private final int dpi;
    private final String fontFamily;

    public SealPictureRenderer(int dpi, String fontFamily) {
        if (dpi < 72 || dpi > 2400) {
            throw new IllegalArgumentException("dpi must be 72..2400");
        }
        this.dpi = dpi;
        this.fontFamily = fontFamily;
    }

    /** 600 dpi with the best installed CJK font. */
    public static SealPictureRenderer withDefaults() {
        return new SealPictureRenderer(DEFAULT_DPI, SealFonts.defaultFamily());
    }

    public String fontFamily() {
        return fontFamily;
    }

    /** Side length in pixels of a seal of this size at this renderer's resolution. */
    public int pixelSize(SealSize size) {
        return (int) Math.round(size.diameterMm() / 25.4 * dpi);
    }

    public SealPicture render(SealDesign design) {
        BufferedImage image = draw(design);
        return new SealPicture("PNG", png(image), design.size().diameterMm(), design.size().diameterMm());
    }

    BufferedImage draw(SealDesign design) {
        SealSize size = design.size();
        int px = pixelSize(size);
        double mm = px / (double) size.diameterMm();
        BufferedImage image = new BufferedImage(px, px, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(SEAL_RED);
            double c = px / 2.0;
            double radius = px / 2.0;
            double ring = size.ringMm() * mm;
            double r = radius - ring / 2;
            g.setStroke(new BasicStroke((float) ring));
            g.draw(new Ellipse2D.Double(c - r, c - r, 2 * r, 2 * r));
            g.fill(star(c, c, size.starMm() / 2 * mm));
            double textTop = radius - ring - GAP_MM * mm;
            drawUpperArc(g, design.unitName(), c, textTop, UNIT_TEXT_RATIO * size.diameterMm() * mm);
            if (!design.sealName().isEmpty()) {
                drawHorizontal(g, design.sealName(), c, SEAL_NAME_BASELINE_RATIO * size.diameterMm() * mm,
                        SEAL_NAME_RATIO * size.diameterMm() * mm, textTop);
            }
            if (!design.codeNumber().isEmpty()) {
                drawLowerArc(g, design.codeNumber(), c, textTop, CODE_TEXT_RATIO * size.diameterMm() * mm);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Five-pointed star, one point up; inner radius from the regular pentagram (sin 18 / sin 54 of the outer). */
    static Path2D star(double cx, double cy, double outer) {
        double inner = outer * Math.sin(Math.toRadians(18)) / Math.sin(Math.toRadians(54));
        Path2D.Double p = new Path2D.Double();
        for (int i = 0; i < 10; i++) {
            double a = Math.toRadians(-90 + 36 * i);
            double rr = i % 2 == 0 ? outer : inner;
            double x = cx + rr * Math.cos(a);
            double y = cy + rr * Math.sin(a);
            if (i == 0) {
                p.moveTo(x, y);
            } else {
                p.lineTo(x, y);
            }
        }
        p.closePath();
        return p;
    }

    /**
     * Unit name: glyph tops touch the circle {@code topRadius}, each glyph turned so it stands upright on the arc,
     * left to right clockwise and centred on the top. Long names get condensed glyphs instead of a longer arc,
     * short ones wider spacing.
     */
    private void drawUpperArc(Graphics2D g, String text, double c, double topRadius, double height) {
        Font font = font(height);
        int[] cps = text.codePoints().toArray();
        double ascent = referenceAscent(g, font);
        double baseline = topRadius - ascent;
        double advance = height * 1.08;
        double natural = advance / baseline;
        double step = cps.length < 3 ? natural
                : Math.max(Math.min(natural, UNIT_MAX_SPAN / cps.length), UNIT_MIN_SPAN / cps.length);
        double condense = Math.max(MIN_CONDENSE, Math.min(1.0, step * baseline / advance));
        Font glyphs = condense < 1.0 ? font.deriveFont(AffineTransform.getScaleInstance(condense, 1)) : font;
        double start = -step * (cps.length - 1) / 2;
        for (int i = 0; i < cps.length; i++) {
            drawGlyph(g, glyphs, cps[i], c, c, start + i * step, -baseline);
        }
    }

    /** Code number: glyph bottoms on the circle {@code outerRadius}, tops toward the centre, left to right. */
    private void drawLowerArc(Graphics2D g, String text, double c, double outerRadius, double height) {
        Font font = font(height);
        int[] cps = text.codePoints().toArray();
        double baseline = outerRadius;
        double step = height * 0.75 / baseline;
        double start = step * (cps.length - 1) / 2;
        for (int i = 0; i < cps.length; i++) {
            drawGlyph(g, font, cps[i], c, c, start - i * step, baseline);
        }
    }

    /** Seal name: one horizontal line {@code below} the centre, condensed to stay inside the ring at that height. */
    private void drawHorizontal(Graphics2D g, String text, double c, double below, double height,
                                double innerRadius) {
        Font font = font(height);
        FontRenderContext frc = g.getFontRenderContext();
        double width = font.getStringBounds(text, frc).getWidth();
        double available = 2 * Math.sqrt(Math.max(0, innerRadius * innerRadius - below * below)) - 2 * height;
        double condense = Math.max(MIN_CONDENSE, Math.min(1.0, available / width));
        Font glyphs = condense < 1.0 ? font.deriveFont(AffineTransform.getScaleInstance(condense, 1)) : font;
        GlyphVector gv = glyphs.createGlyphVector(frc, text);
        double w = gv.getLogicalBounds().getWidth();
        g.fill(gv.getOutline((float) (c - w / 2), (float) (c + below)));
    }

    /**
     * Draws one character centred horizontally on the vertical through the centre, baseline at {@code baselineY}
     * relative to the centre, after rotating the whole drawing by {@code angle} around the centre.
     */
    private static void drawGlyph(Graphics2D g, Font font, int codePoint, double cx, double cy, double angle,
                                  double baselineY) {
        GlyphVector gv = font.createGlyphVector(g.getFontRenderContext(), new String(Character.toChars(codePoint)));
        double w = gv.getLogicalBounds().getWidth();
        AffineTransform t = AffineTransform.getRotateInstance(angle, cx, cy);
        t.translate(cx - w / 2, cy + baselineY);
        g.fill(t.createTransformedShape(gv.getOutline()));
    }

    private Font font(double heightPx) {
        return new Font(fontFamily, Font.BOLD, 1).deriveFont((float) heightPx);
    }

    /** Ink height above the baseline of a full-height CJK glyph; shared by all characters of a line. */
    private static double referenceAscent(Graphics2D g, Font font) {
        Rectangle2D b = font.createGlyphVector(g.getFontRenderContext(), REFERENCE_GLYPH).getVisualBounds();
        return -b.getY();
    }

    /**
     * The drawing is one colour with anti-aliased edges, so it is stored as a 4-bit palette of seal red at 16 opacity
     * levels: lossless for the solid strokes and the transparent background, and less than half the size of ARGB,
     * which matters because GB/T 38540 carries the picture in every seal and every signature.
     */
    static BufferedImage palette(BufferedImage argb) {
        byte[] r = new byte[16];
        byte[] g = new byte[16];
        byte[] b = new byte[16];
        byte[] a = new byte[16];
        for (int i = 0; i < 16; i++) {
            r[i] = (byte) SEAL_RED.getRed();
            g[i] = (byte) SEAL_RED.getGreen();
            b[i] = (byte) SEAL_RED.getBlue();
            a[i] = (byte) (i * 17);
        }
        IndexColorModel model = new IndexColorModel(4, 16, r, g, b, a);
        BufferedImage indexed = new BufferedImage(argb.getWidth(), argb.getHeight(), BufferedImage.TYPE_BYTE_BINARY,
                model);
        WritableRaster raster = indexed.getRaster();
        for (int y = 0; y < argb.getHeight(); y++) {
            for (int x = 0; x < argb.getWidth(); x++) {
                raster.setSample(x, y, 0, ((argb.getRGB(x, y) >>> 24) + 8) / 17);
            }
        }
        return indexed;
    }

    /** PNG with a pHYs chunk (pixels per metre) so viewers and printers know the physical size. */
    private byte[] png(BufferedImage drawn) {
        BufferedImage image = palette(drawn);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image),
                    writer.getDefaultWriteParam());
            IIOMetadataNode phys = new IIOMetadataNode("pHYs");
            String perMetre = Integer.toString((int) Math.round(dpi / 0.0254));
            phys.setAttribute("pixelsPerUnitXAxis", perMetre);
            phys.setAttribute("pixelsPerUnitYAxis", perMetre);
            phys.setAttribute("unitSpecifier", "meter");
            IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
            root.appendChild(phys);
            meta.mergeTree("javax_imageio_png_1.0", root);
            writer.setOutput(out);
            ImageWriteParam smallest = writer.getDefaultWriteParam();
            smallest.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            smallest.setCompressionQuality(0f);
            writer.write(null, new IIOImage(image, null, meta), smallest);
            out.flush();
            return bytes.toByteArray();
        } catch (IIOInvalidTreeException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }
}
