package cn.hrss.seal.federation.api;

import cn.hrss.seal.core.message.VerifiedMessage;

/** A verified signed response: its HTTP status and the message (kind, signer, body) it carried. */
public record FederationResponse(int status, VerifiedMessage message) {
    public boolean successful() {
        return status >= 200 && status < 300;
    }
}
