package cn.hrss.seal.core.ses;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Bounds the SES parsers enforce before any allocation proportional to untrusted lengths. Bind it as
 * {@code @ConfigurationProperties} in an application; {@link #DEFAULT} suits seals and signatures seen in practice
 * (real seals are 5-60 KiB, nesting depth about 9).
 *
 * @param maxInputBytes   largest accepted SESeal / SES_Signature encoding
 * @param maxPictureBytes largest accepted seal picture (SES_ESPictrueInfo.data)
 * @param maxDepth        deepest accepted TLV nesting
 * @param maxElements     most TLV elements in one input (bounds memory for inputs made of tiny elements)
 */
public record SesLimits(
        @Min(1024) @Max(256L * 1024 * 1024) int maxInputBytes,
        @Min(1) int maxPictureBytes,
        @Min(12) @Max(256) int maxDepth,
        @Min(64) int maxElements) {

    public static final SesLimits DEFAULT = new SesLimits(16 * 1024 * 1024, 1024 * 1024, 32, 65_536);

    public SesLimits {
        if (maxInputBytes <= 0 || maxPictureBytes <= 0 || maxDepth <= 0 || maxElements <= 0) {
            throw new IllegalArgumentException("SES limits must be positive");
        }
    }
}
