package cn.hrss.seal.core.message;

import java.util.Objects;

/** A message whose signature, signer, time and nonce were checked, with the body bytes it covers. */
public record VerifiedMessage(MessageHeaders headers, TrustedSigner signer, byte[] body) {
    public VerifiedMessage {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(signer, "signer");
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public MessageKind kind() {
        return headers.kind();
    }

    /** The sender's idempotency key: receivers dedupe on (signer, message id). */
    public String messageId() {
        return headers.messageId();
    }
}
