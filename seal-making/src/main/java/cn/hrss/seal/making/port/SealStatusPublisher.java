package cn.hrss.seal.making.port;

import cn.hrss.seal.making.api.SealState;

import java.time.Instant;

/** The seal status system: every made seal is registered and every status change is published there. */
public interface SealStatusPublisher {

    /** Registers a newly made seal as VALID from {@code since}. */
    void register(String esId, String unitCreditCode, Instant since, Instant validTo);

    /** Publishes a status change (SUSPENDED, REVOKED, EXPIRED, or VALID again after renewal). */
    void publish(String esId, SealState state, Instant since, String reason);
}
