package cn.hrss.seal.core.merkle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tree heads and proofs (RFC 9162 section 2.1: MTH, PATH, PROOF) of any size of a log that stores the hash of every
 * complete subtree: node (level L, index i) is the perfect subtree over leaves [i*2^L, (i+1)*2^L), level 0 being the
 * leaf hashes. Complete subtrees never change, so they are computed once, when the leaf closing them is appended
 * ({@link #append}); any other subtree is composed from at most log2(n) of them. A root or a proof reads O(log n)
 * stored hashes and gives exactly what {@link MerkleTree} computes from all leaves.
 */
public final class SubtreeHashes {
    /** Where the complete subtree hashes are kept. */
    @FunctionalInterface
    public interface Store {
        /** The hash of the complete subtree at (level, index); never null for a subtree that exists. */
        byte[] hash(int level, long index);
    }

    public record Position(int level, long index) {
    }

    /** A complete subtree's hash, as {@link #append} closes it. */
    public record Node(int level, long index, byte[] hash) {
    }

    private final Store store;

    public SubtreeHashes(Store store) {
        this.store = store;
    }

    /** MTH(D[0:n]). */
    public byte[] root(long treeSize) {
        if (treeSize < 0) {
            throw new IllegalArgumentException("tree size must not be negative");
        }
        return treeSize == 0 ? MerkleHashes.empty() : new Walk(store).hash(0, treeSize);
    }

    /** PATH(m, D[0:n]). */
    public List<byte[]> inclusionProof(long index, long treeSize) {
        if (index < 0 || index >= treeSize) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + treeSize);
        }
        List<byte[]> proof = new ArrayList<>();
        new Walk(store).path(index, 0, treeSize, proof);
        return proof;
    }

    /** PROOF(m, D[0:n]). */
    public List<byte[]> consistencyProof(long first, long second) {
        if (first < 1 || first > second) {
            throw new IllegalArgumentException("need 1 <= first <= second, got " + first + ", " + second);
        }
        List<byte[]> proof = new ArrayList<>();
        if (first < second) {
            new Walk(store).subproof(first, 0, second, true, proof);
        }
        return proof;
    }

    /**
     * The complete subtrees a tree of {@code size} leaves ends with, largest first: one per bit set in the size.
     * They are the left siblings of everything the next appends close.
     */
    public static List<Position> frontier(long size) {
        List<Position> frontier = new ArrayList<>();
        for (int level = 63 - Long.numberOfLeadingZeros(size); level >= 0; level--) {
            if ((size >> level & 1) == 1) {
                frontier.add(new Position(level, (size >> level) - 1));
            }
        }
        return frontier;
    }

    /**
     * The complete subtrees of level 1 and up that appending {@code leafHashes} to a tree of {@code size} leaves
     * closes, in order. Reads from {@code stored} only hashes of {@link #frontier(long) frontier(size)}.
     */
    public static List<Node> append(long size, List<byte[]> leafHashes, Store stored) {
        List<Node> closed = new ArrayList<>(leafHashes.size());
        byte[][] pending = new byte[64][]; // right edge computed in this call, by level
        long n = size;
        for (byte[] leafHash : leafHashes) {
            byte[] h = leafHash;
            int level = 0;
            // each set low bit of n is a complete subtree on the left that the new one now completes
            while ((n >> level & 1) == 1) {
                byte[] left = pending[level] != null ? pending[level] : stored.hash(level, (n >> level) - 1);
                pending[level] = null;
                h = MerkleHashes.node(left, h);
                level++;
                closed.add(new Node(level, ((n + 1) >> level) - 1, h));
            }
            pending[level] = h;
            n++;
        }
        return closed;
    }

    /** One computation: remembers the right-edge hashes it composed, which proofs need again and again. */
    private static final class Walk {
        private final Store store;
        private final Map<Long, byte[]> composed = new HashMap<>();

        Walk(Store store) {
            this.store = store;
        }

        void path(long m, long start, long end, List<byte[]> proof) {
            long n = end - start;
            if (n == 1) {
                return;
            }
            long k = largestPowerOfTwoBelow(n);
            if (m < k) {
                path(m, start, start + k, proof);
                proof.add(hash(start + k, end));
            } else {
                path(m - k, start + k, end, proof);
                proof.add(hash(start, start + k));
            }
        }

        void subproof(long m, long start, long end, boolean complete, List<byte[]> proof) {
            long n = end - start;
            if (m == n) {
                if (!complete) {
                    proof.add(hash(start, end));
                }
                return;
            }
            long k = largestPowerOfTwoBelow(n);
            if (m <= k) {
                subproof(m, start, start + k, complete, proof);
                proof.add(hash(start + k, end));
            } else {
                subproof(m - k, start + k, end, false, proof);
                proof.add(hash(start, start + k));
            }
        }

        /** MTH(D[start:end]); the recursion only ever asks for aligned ranges or suffixes of the tree. */
        byte[] hash(long start, long end) {
            long n = end - start;
            if (Long.bitCount(n) == 1 && start % n == 0) {
                int level = Long.numberOfTrailingZeros(n);
                return store.hash(level, start >> level);
            }
            byte[] known = composed.get(start);
            if (known != null) {
                return known;
            }
            long k = largestPowerOfTwoBelow(n);
            byte[] h = MerkleHashes.node(hash(start, start + k), hash(start + k, end));
            composed.put(start, h);
            return h;
        }
    }

    /** The largest power of two strictly below n (n >= 2). */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }
}
