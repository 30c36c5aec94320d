package cn.hrss.seal.application.ofd;

import jakarta.validation.constraints.Min;

/**
 * Bounds applied while unpacking an untrusted OFD, before anything proportional to declared sizes is allocated
 * (zip bombs, entry floods). Bind as {@code @ConfigurationProperties} in an application.
 *
 * @param maxEntries    most ZIP entries
 * @param maxEntryBytes largest uncompressed entry
 * @param maxTotalBytes largest sum of uncompressed entries
 */
public record OfdLimits(@Min(1) int maxEntries, @Min(1) long maxEntryBytes, @Min(1) long maxTotalBytes) {

    public static final OfdLimits DEFAULT = new OfdLimits(10_000, 64L * 1024 * 1024, 256L * 1024 * 1024);

    public OfdLimits {
        if (maxEntries <= 0 || maxEntryBytes <= 0 || maxTotalBytes <= 0) {
            throw new IllegalArgumentException("OFD limits must be positive");
        }
    }
}
