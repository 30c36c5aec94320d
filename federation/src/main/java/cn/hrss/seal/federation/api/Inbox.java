package cn.hrss.seal.federation.api;

import cn.hrss.seal.core.message.VerifiedMessage;

/** Received messages already processed, by (signer, message id): the receiver's half of exactly-once processing. */
public interface Inbox {

    /**
     * Records the message in the caller's transaction.
     *
     * @return true the first time this signer's message id is seen; false for a repeat delivery, which the caller
     *         acknowledges without processing again
     */
    boolean firstDelivery(VerifiedMessage message);
}
