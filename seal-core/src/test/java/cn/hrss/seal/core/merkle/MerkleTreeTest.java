package cn.hrss.seal.core.merkle;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The generator (recursive RFC 9162 definitions) against the verifier (the RFC's iterative algorithms): every proof
 * of every tree up to 70 leaves verifies, and every changed hash, index or size does not.
 */
class MerkleTreeTest {
    private static final int MAX = 70;

    @Test
    void hashesAreSm3WithDomainSeparation() {
        assertThat(HexFormat.of().formatHex(MerkleHashes.empty()))
                .isEqualTo("1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b");
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        assertThat(MerkleHashes.leaf(abc)).isEqualTo(sm3(new byte[] {0, 'a', 'b', 'c'}));
        byte[] l = MerkleHashes.leaf(new byte[] {1});
        byte[] r = MerkleHashes.leaf(new byte[] {2});
        byte[] joined = new byte[65];
        joined[0] = 1;
        System.arraycopy(l, 0, joined, 1, 32);
        System.arraycopy(r, 0, joined, 33, 32);
        assertThat(MerkleHashes.node(l, r)).isEqualTo(sm3(joined));
        // a leaf can never pass for a node: the prefixes differ
        assertThat(MerkleHashes.leaf(java.util.Arrays.copyOfRange(joined, 1, 65))).isNotEqualTo(MerkleHashes.node(l, r));
    }

    @Test
    void rootsOfSmallTrees() {
        List<byte[]> leaves = leaves(3);
        MerkleTree tree = MerkleTree.of(leaves);
        assertThat(tree.root(0)).isEqualTo(MerkleHashes.empty());
        assertThat(tree.root(1)).isEqualTo(leaves.get(0));
        assertThat(tree.root(2)).isEqualTo(MerkleHashes.node(leaves.get(0), leaves.get(1)));
        assertThat(tree.root(3)).isEqualTo(MerkleHashes.node(MerkleHashes.node(leaves.get(0), leaves.get(1)),
                leaves.get(2)));
    }

    @Test
    void everyInclusionProofVerifiesAndNothingElseDoes() {
        List<byte[]> leaves = leaves(MAX + 1);
        MerkleTree tree = MerkleTree.of(leaves);
        for (int n = 1; n <= MAX; n++) {
            byte[] root = tree.root(n);
            for (int m = 0; m < n; m++) {
                List<byte[]> proof = tree.inclusionProof(m, n);
                assertThat(MerkleProofs.verifyInclusion(leaves.get(m), m, n, proof, root)).as("%d of %d", m, n)
                        .isTrue();
                // the size is bound to the root by the signed tree head: the old proof does not fit the next tree
                assertThat(MerkleProofs.verifyInclusion(leaves.get(m), m, n + 1, proof, tree.root(n + 1)))
                        .as("%d of %d+1", m, n).isFalse();
                if (n > 1) {
                    assertThat(MerkleProofs.verifyInclusion(leaves.get(m), (m + 1) % n, n, proof, root)).isFalse();
                    assertThat(MerkleProofs.verifyInclusion(leaves.get((m + 1) % n), m, n, proof, root)).isFalse();
                    List<byte[]> changed = new ArrayList<>(proof);
                    byte[] first = changed.get(0).clone();
                    first[0] ^= 1;
                    changed.set(0, first);
                    assertThat(MerkleProofs.verifyInclusion(leaves.get(m), m, n, changed, root)).isFalse();
                    assertThat(MerkleProofs.verifyInclusion(leaves.get(m), m, n, proof.subList(1, proof.size()),
                            root)).isFalse();
                }
            }
        }
    }

    @Test
    void everyConsistencyProofVerifiesAndNothingElseDoes() {
        List<byte[]> leaves = leaves(MAX);
        MerkleTree tree = MerkleTree.of(leaves);
        for (int n = 1; n <= MAX; n++) {
            for (int m = 1; m <= n; m++) {
                List<byte[]> proof = tree.consistencyProof(m, n);
                assertThat(MerkleProofs.verifyConsistency(m, n, proof, tree.root(m), tree.root(n)))
                        .as("%d -> %d", m, n).isTrue();
                if (m < n) {
                    assertThat(MerkleProofs.verifyConsistency(m, n, proof, tree.root(m), tree.root(n - 1)))
                            .isFalse();
                    assertThat(MerkleProofs.verifyConsistency(m, n, proof, MerkleHashes.leaf(new byte[] {9}),
                            tree.root(n))).isFalse();
                    List<byte[]> changed = new ArrayList<>(proof);
                    byte[] last = changed.get(changed.size() - 1).clone();
                    last[31] ^= 1;
                    changed.set(changed.size() - 1, last);
                    assertThat(MerkleProofs.verifyConsistency(m, n, changed, tree.root(m), tree.root(n))).isFalse();
                }
            }
        }
    }

    @Test
    void aRewrittenHistoryIsNotConsistent() {
        List<byte[]> honest = leaves(20);
        List<byte[]> rewritten = new ArrayList<>(honest);
        rewritten.set(4, MerkleHashes.leaf("forged".getBytes(StandardCharsets.UTF_8)));
        byte[] oldRoot = MerkleTree.of(honest).root(10);
        MerkleTree forged = MerkleTree.of(rewritten);
        assertThat(MerkleProofs.verifyConsistency(10, 20, forged.consistencyProof(10, 20), oldRoot, forged.root(20)))
                .isFalse();
    }

    @Test
    void malformedInputIsRefusedNotThrown() {
        byte[] h = MerkleHashes.empty();
        assertThat(MerkleProofs.verifyInclusion(h, 0, 0, List.of(), h)).isFalse();
        assertThat(MerkleProofs.verifyInclusion(h, -1, 4, List.of(), h)).isFalse();
        assertThat(MerkleProofs.verifyInclusion(new byte[31], 0, 1, List.of(), h)).isFalse();
        assertThat(MerkleProofs.verifyInclusion(h, 0, 2, java.util.Arrays.asList((byte[]) null), h)).isFalse();
        assertThat(MerkleProofs.verifyInclusion(h, 0, 1, List.of(), null)).isFalse();
        assertThat(MerkleProofs.verifyConsistency(0, 4, List.of(h), h, h)).isFalse();
        assertThat(MerkleProofs.verifyConsistency(5, 4, List.of(h), h, h)).isFalse();
        assertThat(MerkleProofs.verifyConsistency(3, 4, List.of(), h, h)).isFalse();
        assertThat(MerkleProofs.verifyConsistency(3, 3, List.of(h), h, h)).isFalse();
        assertThatThrownBy(() -> MerkleTree.of(leaves(2)).inclusionProof(2, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleTree.of(leaves(2)).consistencyProof(0, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<byte[]> leaves(int n) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            leaves.add(MerkleHashes.leaf(("entry " + i).getBytes(StandardCharsets.UTF_8)));
        }
        return leaves;
    }

    private static byte[] sm3(byte[] data) {
        SM3Digest d = new SM3Digest();
        d.update(data, 0, data.length);
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }
}
