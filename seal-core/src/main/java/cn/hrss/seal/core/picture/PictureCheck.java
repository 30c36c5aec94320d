package cn.hrss.seal.core.picture;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Checks an uploaded seal scan before it is stored: type by magic bytes, byte size, pixel dimensions read from the
 * header before anything is decoded (a small file must not inflate into a huge bitmap), PNG chunk structure and
 * CRCs, and finally a full decode. Immutable and thread-safe.
 */
public final class PictureCheck {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    /**
     * @param maxBytes  largest accepted file
     * @param minPixels smallest accepted width and height
     * @param maxPixels largest accepted width and height
     */
    public record Limits(long maxBytes, int minPixels, int maxPixels, Set<PictureType> types) {
        public Limits {
            if (maxBytes < 1 || minPixels < 1 || maxPixels < minPixels) {
                throw new IllegalArgumentException("inconsistent picture limits");
            }
            types = Set.copyOf(types);
            if (types.isEmpty()) {
                throw new IllegalArgumentException("at least one picture type must be accepted");
            }
        }

        /** 512 KiB, 64..4096 px, PNG and JPEG. */
        public static Limits defaults() {
            return new Limits(512 * 1024, 64, 4096, EnumSet.allOf(PictureType.class));
        }
    }

    private final Limits limits;

    public PictureCheck(Limits limits) {
        this.limits = limits;
    }

    public static PictureCheck withDefaults() {
        return new PictureCheck(Limits.defaults());
    }

    public CheckedPicture check(byte[] data) {
        if (data == null || data.length == 0) {
            throw PictureException.corrupt("picture is empty");
        }
        if (data.length > limits.maxBytes()) {
            throw PictureException.tooLarge("picture is larger than " + limits.maxBytes() + " bytes");
        }
        PictureType type = sniff(data);
        if (type == null || !limits.types().contains(type)) {
            throw PictureException.unsupportedType("picture must be one of " + limits.types() + " (checked by content)");
        }
        int[] size = type == PictureType.PNG ? pngStructure(data) : jpegHeaderSize(data);
        checkDimensions(size[0], size[1]);
        BufferedImage image = decode(type, data);
        if (image.getWidth() != size[0] || image.getHeight() != size[1]) {
            throw PictureException.corrupt("decoded size differs from the header");
        }
        return new CheckedPicture(type, size[0], size[1]);
    }

    static PictureType sniff(byte[] data) {
        if (startsWith(data, PNG_SIGNATURE)) {
            return PictureType.PNG;
        }
        if (data.length >= 3 && (data[0] & 0xff) == 0xFF && (data[1] & 0xff) == 0xD8 && (data[2] & 0xff) == 0xFF) {
            return PictureType.JPEG;
        }
        return null;
    }

    /**
     * Walks the chunks: IHDR first (13 bytes), every length inside the file, every CRC right, IEND last with
     * nothing after it. Returns {width, height} from IHDR.
     */
    private static int[] pngStructure(byte[] data) {
        ByteBuffer b = ByteBuffer.wrap(data);
        b.position(PNG_SIGNATURE.length);
        int[] size = null;
        boolean ended = false;
        while (!ended) {
            if (b.remaining() < 12) {
                throw PictureException.corrupt("PNG is truncated");
            }
            long length = b.getInt() & 0xFFFFFFFFL;
            int typeAt = b.position();
            if (length > b.remaining() - 8) {
                throw PictureException.corrupt("PNG chunk runs past the end of the file");
            }
            String chunk = new String(data, typeAt, 4, StandardCharsets.US_ASCII);
            CRC32 crc = new CRC32();
            crc.update(data, typeAt, 4 + (int) length);
            b.position(typeAt + 4 + (int) length);
            if ((int) crc.getValue() != b.getInt()) {
                throw PictureException.corrupt("PNG chunk " + printable(chunk) + " has a wrong CRC");
            }
            if (size == null) {
                if (!chunk.equals("IHDR") || length != 13) {
                    throw PictureException.corrupt("PNG does not start with an IHDR chunk");
                }
                size = new int[] {ByteBuffer.wrap(data, typeAt + 4, 8).getInt(), ByteBuffer.wrap(data, typeAt + 8, 4).getInt()};
            }
            ended = chunk.equals("IEND");
        }
        if (b.hasRemaining()) {
            throw PictureException.corrupt("PNG has data after IEND");
        }
        return size;
    }

    /** Header-only read of the frame size (ImageIO reads up to the SOF marker), then an EOI check. */
    private static int[] jpegHeaderSize(byte[] data) {
        if (data.length < 4 || (data[data.length - 2] & 0xff) != 0xFF || (data[data.length - 1] & 0xff) != 0xD9) {
            throw PictureException.corrupt("JPEG is truncated (no end-of-image marker)");
        }
        ImageReader reader = reader(PictureType.JPEG);
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
            reader.setInput(in, true, true);
            return new int[] {reader.getWidth(0), reader.getHeight(0)};
        } catch (IOException | RuntimeException e) {
            throw PictureException.corrupt("JPEG header cannot be read");
        } finally {
            reader.dispose();
        }
    }

    private void checkDimensions(int width, int height) {
        if (width < limits.minPixels() || height < limits.minPixels() || width > limits.maxPixels()
                || height > limits.maxPixels()) {
            throw PictureException.badDimensions("picture must be " + limits.minPixels() + ".." + limits.maxPixels()
                    + " pixels wide and high");
        }
    }

    private static BufferedImage decode(PictureType type, byte[] data) {
        ImageReader reader = reader(type);
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
            reader.setInput(in, true, true);
            BufferedImage image = reader.read(0);
            if (image == null) {
                throw PictureException.corrupt("picture does not decode");
            }
            return image;
        } catch (IOException | RuntimeException e) {
            if (e instanceof PictureException pe) {
                throw pe;
            }
            throw PictureException.corrupt("picture does not decode");
        } finally {
            reader.dispose();
        }
    }

    private static ImageReader reader(PictureType type) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(type.imageIoFormat());
        if (!readers.hasNext()) {
            throw new IllegalStateException("no ImageIO reader for " + type);
        }
        return readers.next();
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String printable(String chunkType) {
        return chunkType.chars().allMatch(c -> c >= 'A' && c <= 'z') ? chunkType : "?";
    }
}
