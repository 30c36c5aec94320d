package cn.hrss.seal.core.message;

import java.time.Instant;

/**
 * Remembers the nonces of accepted messages for as long as their timestamp is inside the skew window, so that a
 * captured message cannot be accepted twice. Implementations must be safe for concurrent use.
 */
@FunctionalInterface
public interface ReplayGuard {
    /**
     * Records the signer's nonce until {@code keepUntil}.
     *
     * @return true if it was not seen before (the message may be accepted); false if it is a replay, or if the
     *         guard cannot remember it (fail closed)
     */
    boolean firstUse(SignerId signer, String nonce, Instant keepUntil);
}
