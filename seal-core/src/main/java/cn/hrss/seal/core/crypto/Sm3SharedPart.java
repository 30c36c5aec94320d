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
 * The messages are given as their parts around the shared one, so they never need to be one array.
 *
 * <p>Thread-safe; at most {@link #MAX_HEADS} states are kept.
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

    /** SM3(prefix || head || shared || tail). */
    public byte[] digestAround(byte[] head, byte[] tail) {
        byte[] out = new byte[32];
        SM3Digest d = new SM3Digest(stateAfterShared(head));
        d.update(tail, 0, tail.length);
        d.doFinal(out, 0);
        return out;
    }

    /** The number of heads whose state is kept (for tests). */
    int heads() {
        return afterShared.size();
    }

    private SM3Digest stateAfterShared(byte[] headBytes) {
        SM3Digest state = afterShared.get(new Head(headBytes));
        if (state == null) {
            state = new SM3Digest();
            state.update(prefix, 0, prefix.length);
            state.update(headBytes, 0, headBytes.length);
            state.update(shared, 0, shared.length);
            if (afterShared.size() < MAX_HEADS) {
                // the caller's array is looked up as it is, but a kept key is a copy it cannot change
                afterShared.putIfAbsent(new Head(headBytes.clone()), state);
            }
        }
        return state;
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
