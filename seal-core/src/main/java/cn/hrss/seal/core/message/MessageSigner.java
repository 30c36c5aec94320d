package cn.hrss.seal.core.message;

import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.crypto.Sm3;
import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.device.KeyRef;
import cn.hrss.seal.core.device.Sm2PublicKey;
import org.bouncycastle.cert.X509CertificateHolder;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Signs outgoing requests and responses with this node's system key in the cipher device, in three steps: build the
 * signature base, let the device sign e = SM3(Z || base), assemble the headers. Each call gets a fresh timestamp and
 * a 16-byte nonce from the device's generator. Thread-safe.
 */
public final class MessageSigner {
    private static final int NONCE_BYTES = 16;

    private final DigestSigner digestSigner;
    private final Sm2PublicKey publicKey;
    private final SignerId signerId;
    private final Clock clock;
    private final Supplier<byte[]> nonceSource;

    MessageSigner(DigestSigner digestSigner, Sm2PublicKey publicKey, Clock clock, Supplier<byte[]> nonceSource) {
        this.digestSigner = Objects.requireNonNull(digestSigner, "digestSigner");
        this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
        this.signerId = SignerId.of(publicKey);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nonceSource = Objects.requireNonNull(nonceSource, "nonceSource");
    }

    /**
     * A signer over the device key {@code key} whose system certificate is {@code certificate}; refuses a
     * certificate that is not for that key (receivers would answer MESSAGE_SIGNER_UNKNOWN for every message).
     */
    public static MessageSigner of(CipherDevice device, KeyRef key, X509CertificateHolder certificate, Clock clock) {
        Sm2PublicKey deviceKey = device.exportSignPublicKey(key);
        Sm2PublicKey certificateKey = Sm2PublicKey.fromSubjectPublicKeyInfo(certificate.getSubjectPublicKeyInfo());
        if (!deviceKey.equals(certificateKey)) {
            throw new IllegalArgumentException("system certificate " + certificate.getSubject()
                    + " is not for device key " + key);
        }
        return new MessageSigner(e -> device.sign(key, e), deviceKey, clock,
                () -> device.generateRandom(NONCE_BYTES));
    }

    public SignerId signerId() {
        return signerId;
    }

    /**
     * Signs a message travelling in {@code context}.
     *
     * @param messageId the sender's idempotency key; keep it the same when retrying the same message
     */
    public SignedMessage sign(MessageContext context, MessageKind kind, String messageId, byte[] body) {
        Objects.requireNonNull(context, "context");
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(nonceSource.get());
        MessageHeaders unsigned = new MessageHeaders(kind, messageId, signerId, now, nonce, Sm3.hash(body), null);
        byte[] e = Sm2.digest(publicKey, SignatureBase.of(context, unsigned));
        return new SignedMessage(unsigned.withSignature(digestSigner.sign(e)), body);
    }

    /** Signs a 32-byte digest e; the device in production, a fixed key in known-answer tests. */
    @FunctionalInterface
    interface DigestSigner {
        byte[] sign(byte[] digest);
    }
}
