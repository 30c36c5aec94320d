package cn.hrss.seal.making.lifecycle;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * The canonical renewal request a holder signs with the seal key (LD/T 01.1 section 7.9, note: online self-service
 * renewal with the USBKey). UTF-8 lines in fixed order:
 * <pre>
 * HRSS-SEAL-RENEW/1
 * esId=...
 * validityDays=...
 * requestedAt=2026-11-23T18:00:00Z
 * </pre>
 * {@code requestedAt} is ISO-8601 UTC as {@link Instant#toString()} writes it; the node accepts it only within the
 * configured window around its clock and only once (later than the last accepted request).
 */
public record SelfServiceRenewal(String esId, int validityDays, Instant requestedAt) {
    public static final String HEADER = "HRSS-SEAL-RENEW/1";

    public SelfServiceRenewal {
        Objects.requireNonNull(esId, "esId");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }

    public byte[] toBeSigned() {
        return (HEADER + "\nesId=" + esId + "\nvalidityDays=" + validityDays + "\nrequestedAt=" + requestedAt)
                .getBytes(StandardCharsets.UTF_8);
    }
}
