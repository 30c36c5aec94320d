package cn.hrss.seal.federation.api;

import cn.hrss.seal.core.message.MessageKind;

/**
 * Signed synchronous calls to another node. The request is signed with this node's system key; the response must
 * be signed by a trusted node and bound to this request, otherwise the call fails with
 * {@link FederationException}. Use the {@link Outbox} for anything that must survive the destination being down.
 */
public interface FederationClient {

    /** POSTs {@code body} to {@code <destination>/federation/messages/<kind name>/<version>}. */
    FederationResponse send(String destination, MessageKind kind, String messageId, byte[] body);
}
