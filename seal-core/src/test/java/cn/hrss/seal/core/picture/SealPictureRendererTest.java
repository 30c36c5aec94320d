package cn.hrss.seal.core.picture;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SealPictureRendererTest {
    private static final String UNIT = "福建省泉州市人力资源和社会保障局";
    private static SealPictureRenderer renderer;

    @BeforeAll
    static void renderer() {
        renderer = SealPictureRenderer.withDefaults();
    }

    private static BufferedImage decode(SealPicture p) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(p.data()));
    }

    @Test
    void fortyTwoMillimetresAtSixHundredDpiIs992Pixels() throws IOException {
        SealPicture p = renderer.render(new SealDesign(UNIT, "合同专用章", "3505210012345", SealSize.ROUND_42));
        assertThat(p.type()).isEqualTo("PNG");
        assertThat(p.widthMm()).isEqualTo(42);
        assertThat(p.heightMm()).isEqualTo(42);
        BufferedImage img = decode(p);
        assertThat(img.getWidth()).isEqualTo(992);
        assertThat(img.getHeight()).isEqualTo(992);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "sample-seal-42.png"), p.data());
    }

    @Test
    void otherSizesScale() throws IOException {
        assertThat(decode(renderer.render(new SealDesign(UNIT, "", "", SealSize.ROUND_40))).getWidth()).isEqualTo(945);
        assertThat(decode(renderer.render(new SealDesign(UNIT, "", "", SealSize.ROUND_38))).getWidth()).isEqualTo(898);
    }

    @Test
    void storedAsAPaletteOfSealRedAtSixteenOpacities() throws IOException {
        SealPicture picture = renderer.render(SealDesign.of(UNIT, "人事专用章"));
        BufferedImage img = decode(picture);
        assertThat(img.getColorModel()).isInstanceOfSatisfying(java.awt.image.IndexColorModel.class, palette -> {
            assertThat(palette.getMapSize()).isEqualTo(16);
            for (int i = 0; i < 16; i++) {
                assertThat(palette.getRGB(i) & 0xFFFFFF).isEqualTo(0xE60000);
                assertThat(palette.getAlpha(i)).isEqualTo(i * 17);
            }
        });
        // every seal and every signature carries the picture: ARGB at 600 dpi was over 100 KB
        assertThat(picture.data().length).isLessThan(60_000);
    }

    @Test
    void transparentCornersRedRingAndStar() throws IOException {
        BufferedImage img = decode(renderer.render(SealDesign.of(UNIT, "人事专用章")));
        int n = img.getWidth();
        for (int[] corner : new int[][] {{0, 0}, {n - 1, 0}, {0, n - 1}, {n - 1, n - 1}, {n / 7, n / 7}}) {
            assertThat(img.getRGB(corner[0], corner[1]) >>> 24).as("alpha at corner").isZero();
        }
        int ringY = (int) Math.round(1.2 / 2 * n / 42.0);
        for (int[] onRing : new int[][] {{n / 2, ringY}, {n / 2, n - 1 - ringY}, {ringY, n / 2}, {n - 1 - ringY, n / 2}}) {
            assertThat(img.getRGB(onRing[0], onRing[1])).as("ring pixel").isEqualTo(0xFFE60000);
        }
        assertThat(img.getRGB(n / 2, n / 2)).as("star centre").isEqualTo(0xFFE60000);
        // just inside the ring and above the text: transparent
        assertThat(img.getRGB(n / 2, (int) (1.5 * n / 42.0)) >>> 24).isZero();
    }

    @Test
    void textIsDrawnWhereItBelongs() throws IOException {
        BufferedImage plain = decode(renderer.render(new SealDesign("某", "", "", SealSize.ROUND_42)));
        BufferedImage full = decode(renderer.render(new SealDesign(UNIT, "合同专用章", "123456", SealSize.ROUND_42)));
        int n = full.getWidth();
        // seal name band below the star, code band near the bottom ring: ink only when the text is present
        assertThat(inked(plain, n / 3, (int) (n * 0.66), n * 2 / 3, (int) (n * 0.82))).isZero();
        assertThat(inked(full, n / 3, (int) (n * 0.66), n * 2 / 3, (int) (n * 0.82))).isPositive();
        assertThat(inked(plain, n * 2 / 5, (int) (n * 0.90), n * 3 / 5, (int) (n * 0.955))).isZero();
        assertThat(inked(full, n * 2 / 5, (int) (n * 0.90), n * 3 / 5, (int) (n * 0.955))).isPositive();
        // the unit name reaches the left and right of the upper arc
        assertThat(inked(full, n / 10, n / 5, n / 4, n / 2)).isPositive();
        assertThat(inked(full, n * 3 / 4, n / 5, n * 9 / 10, n / 2)).isPositive();
    }

    private static int inked(BufferedImage img, int x0, int y0, int x1, int y1) {
        int count = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                if ((img.getRGB(x, y) >>> 24) > 128) {
                    count++;
                }
            }
        }
        return count;
    }

    @Test
    void sameDesignSameBytes() {
        SealDesign d = new SealDesign(UNIT, "合同专用章", "3505210012345", SealSize.ROUND_42);
        assertThat(renderer.render(d).data()).isEqualTo(SealPictureRenderer.withDefaults().render(d).data());
        assertThat(renderer.render(d).data()).isNotEqualTo(renderer.render(SealDesign.of(UNIT, "人事专用章")).data());
    }

    @Test
    void pngDeclaresItsPrintResolution() throws IOException {
        byte[] png = renderer.render(SealDesign.of(UNIT, "")).data();
        int i = indexOf(png, "pHYs".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(i).isPositive();
        int perMetre = java.nio.ByteBuffer.wrap(png, i + 4, 4).getInt();
        assertThat(perMetre).isEqualTo(23622);
        assertThat(png[i + 12]).isEqualTo((byte) 1);
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void fallsBackToLogicalFontWithoutFailing() throws IOException {
        SealPictureRenderer fallback = new SealPictureRenderer(300, SealFonts.FALLBACK);
        BufferedImage img = decode(fallback.render(SealDesign.of(UNIT, "合同专用章")));
        assertThat(img.getWidth()).isEqualTo(496);
    }

    @Test
    void usesACjkFontWhenOneIsInstalled() {
        boolean cjkInstalled = java.util.Arrays.asList(java.awt.GraphicsEnvironment.getLocalGraphicsEnvironment()
                .getAvailableFontFamilyNames()).contains("Noto Serif CJK SC");
        if (cjkInstalled) {
            assertThat(renderer.fontFamily()).isEqualTo("Noto Serif CJK SC");
        } else {
            assertThat(renderer.fontFamily()).isNotBlank();
        }
    }

    @Test
    void rejectsBadText() {
        assertThatThrownBy(() -> SealDesign.of("", "x")).isInstanceOfSatisfying(PictureException.class,
                e -> assertThat(e.code()).isEqualTo(PictureException.BAD_TEXT));
        assertThatThrownBy(() -> SealDesign.of("单位\n名称", "")).isInstanceOf(PictureException.class);
        assertThatThrownBy(() -> SealDesign.of("单".repeat(41), "")).isInstanceOf(PictureException.class);
        assertThatThrownBy(() -> new SealDesign("单位", "", "12 34", SealSize.ROUND_42)).isInstanceOf(PictureException.class);
    }
}
