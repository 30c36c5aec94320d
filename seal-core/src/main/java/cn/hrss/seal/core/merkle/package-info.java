/**
 * Append-only Merkle tree hashing in the shape of RFC 6962 / RFC 9162 (Certificate Transparency), with SM3: leaf
 * hash = SM3(0x00 || leaf), node hash = SM3(0x01 || left || right), the empty tree's hash = SM3(""). Tree heads,
 * inclusion proofs and consistency proofs that anyone can check offline with {@link
 * cn.hrss.seal.core.merkle.MerkleProofs}. The evidence log (issue 7) stores the hashes of complete subtrees as it
 * grows and serves roots and proofs of any size from O(log n) of them ({@link cn.hrss.seal.core.merkle.SubtreeHashes}).
 */
package cn.hrss.seal.core.merkle;
