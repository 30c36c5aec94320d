package cn.hrss.seal.evidence.api;

/**
 * The node's append-only evidence log. A leaf is the canonical bytes of one evidence entry (a signing, a contract
 * event); callers put digests in it, never personal data. Appends join the caller's transaction.
 */
public interface EvidenceLog {

    /** @return the leaf's index in the log */
    long append(byte[] leaf);
}
