package cn.hrss.seal.core.device;

import java.util.Objects;

/**
 * A key inside a cipher device: its index (the SDF key index) and the label the system knows it by.
 * Persist both; the index is what the device needs, the label is for people and logs.
 */
public record KeyRef(int index, String label) {
    public KeyRef {
        if (index < 0) {
            throw new IllegalArgumentException("key index must not be negative: " + index);
        }
        Objects.requireNonNull(label, "label");
    }

    @Override
    public String toString() {
        return label + "#" + index;
    }
}
