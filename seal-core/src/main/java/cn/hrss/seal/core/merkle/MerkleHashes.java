package cn.hrss.seal.core.merkle;

import org.bouncycastle.crypto.digests.SM3Digest;

/** The three hashes of the tree, with domain separation between leaves and interior nodes. */
public final class MerkleHashes {
    public static final int SIZE = 32;

    private MerkleHashes() {
    }

    /** SM3 of the empty string: the root of the empty tree. */
    public static byte[] empty() {
        return sm3(new byte[0][]);
    }

    /** SM3(0x00 || leaf). */
    public static byte[] leaf(byte[] leaf) {
        return sm3(new byte[] {0x00}, leaf);
    }

    /** SM3(0x01 || left || right). */
    public static byte[] node(byte[] left, byte[] right) {
        return sm3(new byte[] {0x01}, left, right);
    }

    private static byte[] sm3(byte[]... parts) {
        SM3Digest digest = new SM3Digest();
        for (byte[] part : parts) {
            digest.update(part, 0, part.length);
        }
        byte[] out = new byte[SIZE];
        digest.doFinal(out, 0);
        return out;
    }
}
