package cn.hrss.seal.making.testing;

import cn.hrss.seal.core.error.SealException;
import cn.hrss.seal.making.port.SealPictures;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A plain red ring as the generated picture and a PNG check; stands in for the blocks picture package. */
public final class TestSealPictures implements SealPictures {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a};
    private static final int MAX_BYTES = 512 * 1024;

    @Override
    public byte[] draw(String unitName, String sealName) {
        BufferedImage image = new BufferedImage(160, 160, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.RED);
        g.setStroke(new BasicStroke(6));
        g.drawOval(5, 5, 150, 150);
        g.dispose();
        return png(image);
    }

    @Override
    public byte[] checkUpload(byte[] png) {
        if (png.length > MAX_BYTES || png.length < PNG_SIGNATURE.length) {
            throw SealException.badRequest("PICTURE_INVALID", "picture must be a PNG of at most 512 KiB");
        }
        for (int i = 0; i < PNG_SIGNATURE.length; i++) {
            if (png[i] != PNG_SIGNATURE[i]) {
                throw SealException.badRequest("PICTURE_INVALID", "picture is not a PNG");
            }
        }
        try {
            if (ImageIO.read(new ByteArrayInputStream(png)) == null) {
                throw SealException.badRequest("PICTURE_INVALID", "picture cannot be decoded");
            }
        } catch (IOException e) {
            throw SealException.badRequest("PICTURE_INVALID", "picture cannot be decoded");
        }
        return png.clone();
    }

    public static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
