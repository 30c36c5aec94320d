package cn.hrss.seal.core.anchor;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A checkpoint as anchored: which log (lower-case hex SM3 of the log signer's public key), its size, its SM3 root
 * hash and the SM3 digest of the signed checkpoint bytes.
 */
public record AnchoredCheckpoint(String logId, long treeSize, byte[] rootHash, byte[] checkpointDigest) {

    public AnchoredCheckpoint {
        Objects.requireNonNull(logId, "logId");
        if (!logId.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("logId must be 64 lower-case hex digits");
        }
        if (treeSize < 0) {
            throw new IllegalArgumentException("treeSize must not be negative");
        }
        if (rootHash == null || rootHash.length != 32 || checkpointDigest == null || checkpointDigest.length != 32) {
            throw new IllegalArgumentException("rootHash and checkpointDigest must be 32 bytes");
        }
        rootHash = rootHash.clone();
        checkpointDigest = checkpointDigest.clone();
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    @Override
    public byte[] checkpointDigest() {
        return checkpointDigest.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AnchoredCheckpoint other && treeSize == other.treeSize && logId.equals(other.logId)
                && Arrays.equals(rootHash, other.rootHash) && Arrays.equals(checkpointDigest, other.checkpointDigest);
    }

    @Override
    public int hashCode() {
        return Objects.hash(logId, treeSize, Arrays.hashCode(rootHash), Arrays.hashCode(checkpointDigest));
    }

    @Override
    public String toString() {
        return "AnchoredCheckpoint[" + logId + ", " + treeSize + ", " + HexFormat.of().formatHex(rootHash) + "]";
    }
}
