package cn.hrss.seal.core.message;

import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.crypto.Sm3;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies received messages, cheapest checks first: headers well-formed, kind accepted, body digest, signer in the
 * trust list (known, not revoked, certificate valid now), SM2 signature over the signature base, clock skew, and
 * last the nonce, so that rejected messages never use up nonces. Thread-safe when the trust list and replay guard
 * are.
 */
public final class MessageVerifier {
    private final TrustList trustList;
    private final ReplayGuard replayGuard;
    private final Set<MessageKind> acceptedKinds;
    private final Duration maxSkew;
    private final Clock clock;

    public MessageVerifier(TrustList trustList, ReplayGuard replayGuard, Set<MessageKind> acceptedKinds,
                           Duration maxSkew, Clock clock) {
        this.trustList = Objects.requireNonNull(trustList, "trustList");
        this.replayGuard = Objects.requireNonNull(replayGuard, "replayGuard");
        this.acceptedKinds = Set.copyOf(acceptedKinds);
        this.maxSkew = Objects.requireNonNull(maxSkew, "maxSkew");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxSkew.isNegative() || maxSkew.isZero()) {
            throw new IllegalArgumentException("clock skew window must be positive");
        }
    }

    /** The same checks for another set of kinds (e.g. responses), sharing trust list and replay guard. */
    public MessageVerifier accepting(Set<MessageKind> kinds) {
        return new MessageVerifier(trustList, replayGuard, kinds, maxSkew, clock);
    }

    public Duration maxSkew() {
        return maxSkew;
    }

    public MessageVerification verify(MessageContext context, HeaderLookup received, byte[] body) {
        Objects.requireNonNull(context, "context");
        MessageHeaders headers;
        try {
            headers = MessageHeaders.parse(received);
        } catch (MalformedMessageException e) {
            return reject(MessageProblem.MESSAGE_MALFORMED, e.getMessage());
        }
        if (!acceptedKinds.contains(headers.kind())) {
            return reject(MessageProblem.MESSAGE_KIND_UNSUPPORTED, "kind " + headers.kind() + " is not accepted here");
        }
        if (!MessageDigest.isEqual(Sm3.hash(body), headers.contentDigest())) {
            return reject(MessageProblem.MESSAGE_DIGEST_MISMATCH, "Content-Digest is not the SM3 of the body");
        }
        Optional<TrustedSigner> found = trustList.find(headers.signer());
        if (found.isEmpty()) {
            return reject(MessageProblem.MESSAGE_SIGNER_UNKNOWN, "signer " + headers.signer() + " is not trusted");
        }
        TrustedSigner signer = found.get();
        Instant now = clock.instant();
        if (signer.revoked()) {
            return reject(MessageProblem.MESSAGE_SIGNER_REVOKED, "signer " + signer.id() + " is revoked");
        }
        if (!signer.validAt(now)) {
            return reject(MessageProblem.MESSAGE_SIGNER_NOT_VALID,
                    "certificate of signer " + signer.id() + " is not valid at " + now);
        }
        byte[] e = Sm2.digest(signer.publicKey(), SignatureBase.of(context, headers));
        if (!Sm2.verifyDigest(signer.publicKey(), e, headers.signature())) {
            return reject(MessageProblem.MESSAGE_SIGNATURE_INVALID, "signature does not verify");
        }
        Duration skew = Duration.between(headers.timestamp(), now).abs();
        if (skew.compareTo(maxSkew) > 0) {
            return reject(MessageProblem.MESSAGE_CLOCK_SKEW,
                    "timestamp is " + skew.toSeconds() + " s from this node's clock, allowed " + maxSkew.toSeconds());
        }
        if (!replayGuard.firstUse(signer.id(), headers.nonce(), headers.timestamp().plus(maxSkew))) {
            return reject(MessageProblem.MESSAGE_REPLAYED, "nonce already used");
        }
        return new MessageVerification.Accepted(new VerifiedMessage(headers, signer, body));
    }

    private static MessageVerification reject(MessageProblem problem, String reason) {
        return new MessageVerification.Rejected(problem, reason);
    }
}
