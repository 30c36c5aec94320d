package cn.hrss.seal.making.port;

import cn.hrss.seal.making.api.SealState;

import java.time.Instant;

/**
 * The seal status system: every made seal is registered and every status change is published there. Its rules
 * (REVOKED and EXPIRED are terminal) are the lifecycle's rules too.
 */
public interface SealStatusPublisher {

    /** Registers a newly made seal as VALID from {@code validFrom}. */
    void register(Registration registration);

    /** Publishes a status change (SUSPENDED, REVOKED or EXPIRED). */
    void publish(String esId, SealState state, Instant since, String reason);

    /** Tells the status system that a renewed seal is valid until {@code validTo} under a new certificate. */
    void renewed(String esId, String certificateSerial, Instant validTo);

    /** What the status system keeps about a seal. */
    record Registration(String esId, String unitName, String sealName, String regionCode, String certificateSerial,
                        Instant validFrom, Instant validTo) {
    }
}
