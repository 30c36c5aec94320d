package cn.hrss.seal.core.message;

import java.util.Map;
import java.util.Objects;

/** A signed message ready to send: the headers (with signature) and the exact body bytes they cover. */
public record SignedMessage(MessageHeaders headers, byte[] body) {
    public SignedMessage {
        Objects.requireNonNull(headers, "headers");
        if (headers.signature() == null) {
            throw new IllegalArgumentException("a signed message needs a signature");
        }
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The HTTP headers to set, {@link MessageHeaders#NAMES} order. */
    public Map<String, String> httpHeaders() {
        return headers.toHttpHeaders();
    }
}
