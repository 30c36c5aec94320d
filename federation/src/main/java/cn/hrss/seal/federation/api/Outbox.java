package cn.hrss.seal.federation.api;

import cn.hrss.seal.core.message.MessageKind;

/**
 * Messages to other nodes that must not be lost. {@link #enqueue} writes the message in the caller's transaction
 * (so it is sent if and only if the caller's change commits); the dispatcher then POSTs it, signed, to
 * {@code <destination base URI>/federation/messages/<kind name>/<version>} until the destination answers with a
 * verified 2xx signed response. Messages to one destination arrive in enqueue order; each arrives at least once,
 * carrying its message id so the receiver can drop repeats.
 */
public interface Outbox {

    /**
     * @param destination a configured destination name ({@code seal.federation.destinations})
     * @param body        the exact body bytes (JSON of the kind's record)
     * @return the message id (the idempotency key the receiver sees in {@code Seal-Message-Id})
     */
    String enqueue(String destination, MessageKind kind, byte[] body);
}
