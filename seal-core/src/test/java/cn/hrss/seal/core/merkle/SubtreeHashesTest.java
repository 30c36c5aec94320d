package cn.hrss.seal.core.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Stored complete subtrees against {@link MerkleTree} (the RFC's recursive definitions over all leaves): the same
 * root, inclusion proof and consistency proof for every size up to 200, every index and every pair of sizes, with
 * the subtrees stored by appends of mixed batch sizes, and a read count that grows with log n, not n.
 */
class SubtreeHashesTest {
    private static final int MAX = 200;

    @Test
    void sameAsMerkleTreeForEverySizeIndexAndPair() {
        List<byte[]> leaves = leaves(MAX);
        Map<SubtreeHashes.Position, byte[]> stored = storeByAppends(leaves, new int[] {1, 3, 1, 1, 16, 7, 64, 2, 1});
        SubtreeHashes tree = new SubtreeHashes((level, index) -> stored.get(new SubtreeHashes.Position(level, index)));
        MerkleTree reference = MerkleTree.of(leaves);
        assertThat(tree.root(0)).isEqualTo(MerkleHashes.empty());
        for (int n = 1; n <= MAX; n++) {
            assertThat(tree.root(n)).as("root %d", n).isEqualTo(reference.root(n));
            for (int m = 0; m < n; m++) {
                assertThat(tree.inclusionProof(m, n)).as("inclusion %d of %d", m, n)
                        .containsExactlyElementsOf(reference.inclusionProof(m, n));
            }
            for (int m = 1; m <= n; m++) {
                assertThat(tree.consistencyProof(m, n)).as("consistency %d -> %d", m, n)
                        .containsExactlyElementsOf(reference.consistencyProof(m, n));
            }
        }
    }

    @Test
    void everyAppendClosesExactlyTheCompleteSubtreesAndReadsOnlyTheFrontier() {
        List<byte[]> leaves = leaves(MAX);
        Map<SubtreeHashes.Position, byte[]> stored = storeByAppends(leaves, new int[] {5, 1, 2, 33});
        // a tree of n leaves has n - popcount(n) complete subtrees of level >= 1
        assertThat(stored.keySet().stream().filter(p -> p.level() > 0).count())
                .isEqualTo(MAX - Integer.bitCount(MAX));
        stored.forEach((p, hash) -> {
            long from = p.index() << p.level();
            long size = 1L << p.level();
            assertThat(hash).as("%s", p).isEqualTo(subtree(leaves, from, size));
        });
        assertThat(SubtreeHashes.frontier(0)).isEmpty();
        assertThat(SubtreeHashes.frontier(13)).containsExactly(new SubtreeHashes.Position(3, 0),
                new SubtreeHashes.Position(2, 2), new SubtreeHashes.Position(0, 12));
    }

    @Test
    void proofsReadLogarithmicallyManyStoredHashes() {
        // a synthetic log of 2^40 leaves: the values do not matter, only how many are read
        AtomicInteger reads = new AtomicInteger();
        SubtreeHashes tree = new SubtreeHashes((level, index) -> {
            reads.incrementAndGet();
            return MerkleHashes.leaf(new byte[] {(byte) level, (byte) index});
        });
        long n = (1L << 40) - 12345;
        tree.root(n);
        assertThat(reads.getAndSet(0)).isLessThanOrEqualTo(40);
        assertThat(tree.inclusionProof(987654321L, n)).hasSize(40);
        assertThat(reads.getAndSet(0)).isLessThanOrEqualTo(2 * 40);
        tree.consistencyProof(123456789L, n);
        assertThat(reads.getAndSet(0)).isLessThanOrEqualTo(2 * 40);
    }

    @Test
    void badSizesAreRefused() {
        SubtreeHashes tree = new SubtreeHashes((level, index) -> MerkleHashes.empty());
        assertThatThrownBy(() -> tree.root(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.inclusionProof(2, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.consistencyProof(0, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.consistencyProof(3, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Appends the leaves in batches of the given sizes (cycled), as a log does, storing leaves and closed nodes. */
    private static Map<SubtreeHashes.Position, byte[]> storeByAppends(List<byte[]> leaves, int[] batches) {
        Map<SubtreeHashes.Position, byte[]> stored = new HashMap<>();
        int size = 0;
        for (int b = 0; size < leaves.size(); b++) {
            List<byte[]> batch = leaves.subList(size, Math.min(leaves.size(), size + batches[b % batches.length]));
            List<SubtreeHashes.Position> frontier = SubtreeHashes.frontier(size);
            List<SubtreeHashes.Position> read = new ArrayList<>();
            List<SubtreeHashes.Node> closed = SubtreeHashes.append(size, batch, (level, index) -> {
                read.add(new SubtreeHashes.Position(level, index));
                return stored.get(new SubtreeHashes.Position(level, index));
            });
            assertThat(frontier).containsAll(read);
            for (int i = 0; i < batch.size(); i++) {
                stored.put(new SubtreeHashes.Position(0, size + i), batch.get(i));
            }
            closed.forEach(node -> assertThat(stored.put(new SubtreeHashes.Position(node.level(), node.index()),
                    node.hash())).as("closed once").isNull());
            size += batch.size();
        }
        return stored;
    }

    private static byte[] subtree(List<byte[]> leaves, long from, long size) {
        return MerkleTree.of(leaves.subList((int) from, (int) (from + size))).root((int) size);
    }

    private static List<byte[]> leaves(int n) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            leaves.add(MerkleHashes.leaf(("entry " + i).getBytes(StandardCharsets.UTF_8)));
        }
        return leaves;
    }
}
