package cn.hrss.seal.core.merkle;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Tree heads and proofs over the first {@code n} leaf hashes of a log (RFC 9162 section 2.1: MTH, PATH, PROOF).
 * Leaf hashes come from a function; this class keeps nothing and recomputes every subtree hash, O(n) per root or
 * proof: the reference definition. A log at scale uses {@link SubtreeHashes} over its stored complete subtrees.
 */
public final class MerkleTree {
    private final IntFunction<byte[]> leafHashes;

    /** @param leafHashes leaf hash at an index (0-based), for every index below the tree sizes asked about */
    public MerkleTree(IntFunction<byte[]> leafHashes) {
        this.leafHashes = leafHashes;
    }

    public static MerkleTree of(List<byte[]> leafHashes) {
        List<byte[]> copy = List.copyOf(leafHashes);
        return new MerkleTree(copy::get);
    }

    /** MTH(D[0:n]). */
    public byte[] root(int treeSize) {
        if (treeSize < 0) {
            throw new IllegalArgumentException("tree size must not be negative");
        }
        return treeSize == 0 ? MerkleHashes.empty() : hash(0, treeSize);
    }

    /** PATH(m, D[0:n]): the audit path of leaf {@code index} in the tree of {@code treeSize} leaves. */
    public List<byte[]> inclusionProof(int index, int treeSize) {
        if (index < 0 || index >= treeSize) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + treeSize);
        }
        List<byte[]> proof = new ArrayList<>();
        path(index, 0, treeSize, proof);
        return proof;
    }

    /** PROOF(m, D[0:n]): that the tree of {@code first} leaves is a prefix of the tree of {@code second}. */
    public List<byte[]> consistencyProof(int first, int second) {
        if (first < 1 || first > second) {
            throw new IllegalArgumentException("need 1 <= first <= second, got " + first + ", " + second);
        }
        List<byte[]> proof = new ArrayList<>();
        if (first < second) {
            subproof(first, 0, second, true, proof);
        }
        return proof;
    }

    private void path(int m, int start, int end, List<byte[]> proof) {
        int n = end - start;
        if (n == 1) {
            return;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m < k) {
            path(m, start, start + k, proof);
            proof.add(hash(start + k, end));
        } else {
            path(m - k, start + k, end, proof);
            proof.add(hash(start, start + k));
        }
    }

    private void subproof(int m, int start, int end, boolean complete, List<byte[]> proof) {
        int n = end - start;
        if (m == n) {
            if (!complete) {
                proof.add(hash(start, end));
            }
            return;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(m, start, start + k, complete, proof);
            proof.add(hash(start + k, end));
        } else {
            subproof(m - k, start + k, end, false, proof);
            proof.add(hash(start, start + k));
        }
    }

    private byte[] hash(int start, int end) {
        if (end - start == 1) {
            return leafHashes.apply(start);
        }
        int k = largestPowerOfTwoBelow(end - start);
        return MerkleHashes.node(hash(start, start + k), hash(start + k, end));
    }

    /** The largest power of two strictly below n (n >= 2). */
    static int largestPowerOfTwoBelow(int n) {
        return Integer.highestOneBit(n - 1);
    }
}
