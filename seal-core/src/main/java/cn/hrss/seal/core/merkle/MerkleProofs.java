package cn.hrss.seal.core.merkle;

import java.security.MessageDigest;
import java.util.List;

/**
 * Offline checks of inclusion and consistency proofs (RFC 9162 sections 2.1.3.2 and 2.1.4.2), needing only the
 * hashes: what a verifier of an evidence receipt runs. Every malformed input is simply "does not verify".
 */
public final class MerkleProofs {
    private MerkleProofs() {
    }

    public static boolean verifyInclusion(byte[] leafHash, long index, long treeSize, List<byte[]> proof,
                                          byte[] root) {
        if (index < 0 || index >= treeSize || !wellFormed(proof) || !isHash(leafHash) || !isHash(root)) {
            return false;
        }
        long fn = index;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleHashes.node(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = MerkleHashes.node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    public static boolean verifyConsistency(long first, long second, List<byte[]> proof, byte[] firstRoot,
                                            byte[] secondRoot) {
        if (first < 1 || first > second || !wellFormed(proof) || !isHash(firstRoot) || !isHash(secondRoot)) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && MessageDigest.isEqual(firstRoot, secondRoot);
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = proof;
        if (Long.bitCount(first) == 1) {
            path = new java.util.ArrayList<>(proof.size() + 1);
            path.add(firstRoot);
            path.addAll(proof);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleHashes.node(c, fr);
                sr = MerkleHashes.node(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = MerkleHashes.node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, firstRoot) && MessageDigest.isEqual(sr, secondRoot);
    }

    private static boolean wellFormed(List<byte[]> proof) {
        return proof != null && proof.size() <= 64 && proof.stream().allMatch(MerkleProofs::isHash);
    }

    private static boolean isHash(byte[] hash) {
        return hash != null && hash.length == MerkleHashes.SIZE;
    }
}
