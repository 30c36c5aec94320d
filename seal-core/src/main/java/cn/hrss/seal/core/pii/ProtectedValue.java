package cn.hrss.seal.core.pii;

import java.util.Objects;

/**
 * What a table stores for one personal-data field: the sealed value (encrypted and authenticated), its blind
 * index (for equality lookups without decrypting) and the masked form (for lists and logs).
 */
public record ProtectedValue(byte[] sealed, String blindIndex, String masked) {
    public ProtectedValue {
        sealed = Objects.requireNonNull(sealed, "sealed").clone();
        Objects.requireNonNull(blindIndex, "blindIndex");
        Objects.requireNonNull(masked, "masked");
    }

    @Override
    public byte[] sealed() {
        return sealed.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProtectedValue other && java.util.Arrays.equals(sealed, other.sealed)
                && blindIndex.equals(other.blindIndex) && masked.equals(other.masked);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(sealed) + blindIndex.hashCode();
    }

    @Override
    public String toString() {
        return "ProtectedValue[" + masked + "]";
    }
}
