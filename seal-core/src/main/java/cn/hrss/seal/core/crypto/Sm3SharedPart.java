package cn.hrss.seal.core.crypto;

import org.bouncycastle.crypto.digests.SM3Digest;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SM3 of many messages that all carry one large shared part after a short head: {@code prefix || head || shared ||
 * tail}. GB/T 38540 puts the whole SES_Seal (tens of KB with its picture) into every TBS_Sign, so hashing each
 * signature from scratch costs far more than signing it; here the digest state after {@code prefix || head ||
 * shared} is computed once per distinct head (a DER header differs only with the message's length) and copied.
 *
 * <p>Always the digest of exactly the given bytes: a message whose bytes at the offset are not the shared part is
 * hashed in full. Thread-safe; at most {@link #MAX_HEADS} states are kept.
 */
public final class Sm3SharedPart {
    /** Distinct heads kept; a head is a few DER header bytes, so real use stays far below this. */
    public static final int MAX_HEADS = 64;

    private final byte[] prefix;
    private final byte[] shared;
    private final Map<Head, SM3Digest> afterShared = new ConcurrentHashMap<>();

    /**
     * @param prefix bytes hashed before every message and not part of it (Z_A for SM2's e), may be empty
     * @param shared the part every message carries
     */
    public Sm3SharedPart(byte[] prefix, byte[] shared) {
        this.prefix = Objects.requireNonNull(prefix, "prefix").clone();
        this.shared = Objects.requireNonNull(shared, "shared").clone();
    }

    /** SM3(prefix || message), where {@code message} holds the shared part at {@code sharedOffset}. */
    public byte[] digest(byte[] message, int sharedOffset) {
        byte[] out = new byte[32];
        int sharedEnd = sharedOffset + shared.length;
        if (sharedOffset < 0 || sharedEnd > message.length
                || !Arrays.equals(message, sharedOffset, sharedEnd, shared, 0, shared.length)) {
            SM3Digest d = start();
            d.update(message, 0, message.length);
            d.doFinal(out, 0);
            return out;
        }
        SM3Digest d = new SM3Digest(stateAfterShared(message, sharedOffset));
        d.update(message, sharedEnd, message.length - sharedEnd);
        d.doFinal(out, 0);
        return out;
    }

    /** The number of heads whose state is kept (for tests). */
    int heads() {
        return afterShared.size();
    }

    private SM3Digest stateAfterShared(byte[] message, int sharedOffset) {
        Head head = new Head(Arrays.copyOf(message, sharedOffset));
        SM3Digest state = afterShared.get(head);
        if (state == null) {
            state = start();
            state.update(message, 0, sharedOffset);
            state.update(shared, 0, shared.length);
            if (afterShared.size() < MAX_HEADS) {
                afterShared.putIfAbsent(head, state);
            }
        }
        return state;
    }

    private SM3Digest start() {
        SM3Digest d = new SM3Digest();
        d.update(prefix, 0, prefix.length);
        return d;
    }

    /** The kept states are never updated, only copied, so sharing them between threads is safe. */
    private record Head(byte[] bytes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Head other && Arrays.equals(bytes, other.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Head" + Arrays.toString(bytes);
        }
    }
}
