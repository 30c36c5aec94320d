package cn.hrss.seal.core.picture;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PictureCheckTest {
    private static byte[] png;
    private static byte[] jpeg;
    private final PictureCheck check = PictureCheck.withDefaults();

    @BeforeAll
    static void images() throws IOException {
        png = encode(image(BufferedImage.TYPE_INT_ARGB), "png");
        jpeg = encode(image(BufferedImage.TYPE_INT_RGB), "jpeg");
    }

    private static BufferedImage image(int type) {
        BufferedImage img = new BufferedImage(200, 120, type);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.RED);
        g.fillOval(10, 10, 100, 100);
        g.dispose();
        return img;
    }

    private static byte[] encode(BufferedImage img, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(img, format, out)).isTrue();
        return out.toByteArray();
    }

    private static void assertRejected(PictureCheck check, byte[] data, String code) {
        assertThatThrownBy(() -> check.check(data))
                .isInstanceOfSatisfying(PictureException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    /** A PNG made of the given chunks with correct CRCs. */
    private static byte[] pngOf(byte[]... chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        for (byte[] c : chunks) {
            out.writeBytes(c);
        }
        return out.toByteArray();
    }

    private static byte[] chunk(String type, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(12 + data.length);
        b.putInt(data.length).put(type.getBytes(StandardCharsets.US_ASCII)).put(data);
        CRC32 crc = new CRC32();
        crc.update(b.array(), 4, 4 + data.length);
        b.putInt((int) crc.getValue());
        return b.array();
    }

    private static byte[] ihdr(int width, int height) {
        return chunk("IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 6)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
    }

    @Test
    void acceptsPngAndJpeg() {
        assertThat(check.check(png)).isEqualTo(new CheckedPicture(PictureType.PNG, 200, 120));
        assertThat(check.check(jpeg)).isEqualTo(new CheckedPicture(PictureType.JPEG, 200, 120));
        assertThat(check.check(png).toSealPicture(png, 42, 42).type()).isEqualTo("PNG");
        assertThat(check.check(jpeg).toSealPicture(jpeg, 42, 42).type()).isEqualTo("JPG");
    }

    @Test
    void acceptsGeneratedSealPicture() {
        SealPicture p = SealPictureRenderer.withDefaults().render(SealDesign.of("某某市人力资源和社会保障局", "合同专用章"));
        assertThat(check.check(p.data()).widthPx()).isEqualTo(992);
    }

    @Test
    void pngOnlyPolicyRefusesJpeg() {
        PictureCheck pngOnly = new PictureCheck(new PictureCheck.Limits(512 * 1024, 64, 4096, EnumSet.of(PictureType.PNG)));
        assertRejected(pngOnly, jpeg, PictureException.UNSUPPORTED_TYPE);
        assertThat(pngOnly.check(png).type()).isEqualTo(PictureType.PNG);
    }

    @Test
    void typeIsJudgedByContent() throws IOException {
        assertRejected(check, encode(image(BufferedImage.TYPE_INT_RGB), "gif"), PictureException.UNSUPPORTED_TYPE);
        assertRejected(check, encode(image(BufferedImage.TYPE_INT_RGB), "bmp"), PictureException.UNSUPPORTED_TYPE);
        assertRejected(check, "<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(StandardCharsets.UTF_8),
                PictureException.UNSUPPORTED_TYPE);
        assertRejected(check, new byte[] {(byte) 0x89, 'P', 'N'}, PictureException.UNSUPPORTED_TYPE);
        assertRejected(check, new byte[0], PictureException.CORRUPT);
    }

    @Test
    void tooLarge() {
        PictureCheck small = new PictureCheck(new PictureCheck.Limits(png.length - 1, 64, 4096,
                EnumSet.allOf(PictureType.class)));
        assertRejected(small, png, PictureException.TOO_LARGE);
        byte[] huge = Arrays.copyOf(png, 512 * 1024 + 1);
        assertRejected(check, huge, PictureException.TOO_LARGE);
    }

    @Test
    void decompressionBombIsRefusedFromTheHeaderAlone() {
        // 100000 x 100000 RGBA would need 40 GB once decoded; the file is a few dozen bytes
        byte[] bomb = pngOf(ihdr(100_000, 100_000), chunk("IDAT", new byte[] {0x78, (byte) 0x9c, 0x03, 0x00}),
                chunk("IEND", new byte[0]));
        long start = System.nanoTime();
        assertRejected(check, bomb, PictureException.BAD_DIMENSIONS);
        assertThat(System.nanoTime() - start).isLessThan(1_000_000_000L);
        assertRejected(check, pngOf(ihdr(-1, 100), chunk("IEND", new byte[0])), PictureException.BAD_DIMENSIONS);
        assertRejected(check, pngOf(ihdr(10, 10), chunk("IEND", new byte[0])), PictureException.BAD_DIMENSIONS);
    }

    @Test
    void truncatedPngAtEveryChunkBoundaryAndInside() {
        for (int len : new int[] {8, 12, 20, 33, png.length / 2, png.length - 12, png.length - 1}) {
            assertRejected(check, Arrays.copyOf(png, len), PictureException.CORRUPT);
        }
    }

    @Test
    void pngWithWrongCrcOrTrailingDataOrNoIhdr() {
        byte[] badCrc = png.clone();
        badCrc[40] ^= 1;
        assertRejected(check, badCrc, PictureException.CORRUPT);
        byte[] trailing = Arrays.copyOf(png, png.length + 4);
        assertRejected(check, trailing, PictureException.CORRUPT);
        assertRejected(check, pngOf(chunk("IEND", new byte[0])), PictureException.CORRUPT);
        byte[] hugeLength = pngOf(ihdr(200, 120));
        byte[] withBadLength = Arrays.copyOf(hugeLength, hugeLength.length + 12);
        ByteBuffer.wrap(withBadLength, hugeLength.length, 4).putInt(0x7FFFFFF0);
        assertRejected(check, withBadLength, PictureException.CORRUPT);
    }

    @Test
    void pngWhosePixelDataDoesNotInflate() {
        byte[] garbage = new byte[64];
        Arrays.fill(garbage, (byte) 0x5A);
        byte[] broken = pngOf(ihdr(200, 120), chunk("IDAT", garbage), chunk("IEND", new byte[0]));
        assertRejected(check, broken, PictureException.CORRUPT);
    }

    @Test
    void truncatedOrMangledJpeg() {
        assertRejected(check, Arrays.copyOf(jpeg, jpeg.length / 2), PictureException.CORRUPT);
        assertRejected(check, Arrays.copyOf(jpeg, 3), PictureException.CORRUPT);
        byte[] headerOnly = new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9};
        assertRejected(check, headerOnly, PictureException.CORRUPT);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 100, 1000})
    void mangledPngIsAlwaysAPictureError(int seed) {
        java.util.Random r = new java.util.Random(seed);
        byte[] data = Arrays.copyOf(png, png.length);
        for (int i = 0; i < 20; i++) {
            data[8 + r.nextInt(data.length - 8)] = (byte) r.nextInt();
        }
        assertThatThrownBy(() -> check.check(data)).isInstanceOfSatisfying(PictureException.class,
                e -> assertThat(e.code()).isIn(PictureException.CORRUPT, PictureException.BAD_DIMENSIONS));
    }
}
