package cn.hrss.seal.core.picture;

import java.util.Arrays;
import java.util.Objects;

/**
 * The picture of a seal as GB/T 38540 {@code SES_ESPictrueInfo} carries it: image type, image bytes and the
 * display size in millimetres (the physical seal's size, so a 1:1 print matches the physical impression).
 *
 * @param type SES type string, {@code "PNG"} or {@code "JPG"}
 */
public record SealPicture(String type, byte[] data, int widthMm, int heightMm) {
    public SealPicture {
        Objects.requireNonNull(type, "type");
        data = Objects.requireNonNull(data, "data").clone();
        if (widthMm <= 0 || heightMm <= 0) {
            throw new IllegalArgumentException("display size must be positive");
        }
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SealPicture other && type.equals(other.type) && Arrays.equals(data, other.data)
                && widthMm == other.widthMm && heightMm == other.heightMm;
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, Arrays.hashCode(data), widthMm, heightMm);
    }

    @Override
    public String toString() {
        return "SealPicture[" + type + ", " + data.length + " bytes, " + widthMm + "x" + heightMm + " mm]";
    }
}
