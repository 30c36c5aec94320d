package cn.hrss.seal.status.api;

import java.time.Instant;
import java.util.Objects;

/**
 * The status of one seal as of some time.
 *
 * @param esId   the seal
 * @param status its status; {@link SealStatus#UNKNOWN} when there is no record
 * @param since  when that status began; null for {@link SealStatus#UNKNOWN}
 * @param reason why the status was entered, if recorded
 */
public record SealStatusRecord(String esId, SealStatus status, Instant since, String reason) {

    public SealStatusRecord {
        Objects.requireNonNull(esId, "esId");
        Objects.requireNonNull(status, "status");
        if ((since == null) != (status == SealStatus.UNKNOWN)) {
            throw new IllegalArgumentException("since is required exactly when the status is known");
        }
    }

    public static SealStatusRecord unknown(String esId) {
        return new SealStatusRecord(esId, SealStatus.UNKNOWN, null, null);
    }
}
