package cn.hrss.seal.evidence.api;

import java.util.List;

/**
 * The node's append-only evidence log. A leaf is the canonical bytes of one evidence entry (a signing, a contract
 * event); callers put digests in it, never personal data. Appends join the caller's transaction.
 */
public interface EvidenceLog {

    /** @return the leaf's index in the log */
    long append(byte[] leaf);

    /**
     * Appends the leaves in order, under one lock of the log and with batched inserts: much cheaper per leaf than
     * one {@link #append} each.
     *
     * @return the index of the first leaf, the others following it without gaps (the log's size if there are none)
     */
    long appendAll(List<byte[]> leaves);
}
