package cn.hrss.seal.servicemgmt.api;

import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.crypto.Sm3;
import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.device.KeyRef;
import cn.hrss.seal.core.device.Sm2PublicKey;
import cn.hrss.seal.core.message.MessageContext;
import cn.hrss.seal.core.message.MessageHeaders;
import cn.hrss.seal.core.message.MessageKind;
import cn.hrss.seal.core.message.SignatureBase;
import cn.hrss.seal.core.message.SignedMessage;
import cn.hrss.seal.core.message.SignerId;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Objects;

/**
 * Signs federation requests with a device key that has no certificate yet: the registration application and the
 * certificate pull. Same headers and signature base as {@code MessageSigner}; the receiver checks the signer id
 * against the registered key instead of its trust list (proof of possession).
 */
public final class ApplicantSigner {
    private final CipherDevice device;
    private final KeyRef key;
    private final Sm2PublicKey publicKey;
    private final Clock clock;

    public ApplicantSigner(CipherDevice device, KeyRef key, Clock clock) {
        this.device = Objects.requireNonNull(device, "device");
        this.key = Objects.requireNonNull(key, "key");
        this.publicKey = device.exportSignPublicKey(key);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Sm2PublicKey publicKey() {
        return publicKey;
    }

    public SignerId signerId() {
        return SignerId.of(publicKey);
    }

    /** Signs the digest e of arbitrary bytes with the applicant key, e.g. for the access-test report. */
    public byte[] signDigest(byte[] e) {
        return device.sign(key, e);
    }

    public SignedMessage sign(MessageContext.Request request, MessageKind kind, String messageId, byte[] body) {
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(device.generateRandom(16));
        MessageHeaders unsigned = new MessageHeaders(kind, messageId, signerId(),
                clock.instant().truncatedTo(ChronoUnit.SECONDS), nonce, Sm3.hash(body), null);
        byte[] signature = device.sign(key, Sm2.digest(publicKey, SignatureBase.of(request, unsigned)));
        return new SignedMessage(new MessageHeaders(unsigned.kind(), unsigned.messageId(), unsigned.signer(),
                unsigned.timestamp(), unsigned.nonce(), unsigned.contentDigest(), signature), body);
    }
}
