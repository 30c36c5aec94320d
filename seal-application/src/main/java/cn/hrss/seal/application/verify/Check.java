package cn.hrss.seal.application.verify;

/** What a {@link CheckResult} is about. */
public enum Check {
    /** The container and signature structures can be read and are of a supported kind. */
    FORMAT,
    /** The signed bytes are unchanged and cover what they should (for PDF: the whole document or signed revisions). */
    DOCUMENT_INTEGRITY,
    /** The signer's cryptographic signature. */
    SIGNER_SIGNATURE,
    /** A path from the signer certificate to a trusted root. */
    CERTIFICATE_CHAIN,
    /** Every certificate of the path is within its validity period at the signing time. */
    CERTIFICATE_VALIDITY,
    /** Revocation status of the path at the signing time (the node's CA, OCSP; offline: not checked). */
    CERTIFICATE_STATUS,
    /** The signature time stamp: token signature, imprint over the signature value, TSA certificate. */
    TIME_STAMP,
    /** The GB/T 38540 seal: maker signature, signer listed in the seal, seal validity at the signing time. */
    SEAL,
    /** The seal's status in the status system at the signing time (offline: not checked). */
    SEAL_STATUS,
    /** Evidence receipt: the log leaf records this signing and its inclusion proof leads to the checkpoint root. */
    EVIDENCE_INCLUSION,
    /** Evidence receipt: the checkpoint is signed by the log, whose certificate chains to a trusted root. */
    EVIDENCE_CHECKPOINT,
    /** Evidence receipt: the parent tier cosigned the checkpoint (witness). */
    EVIDENCE_WITNESS,
    /** Evidence receipt: the ledger records the checkpoint's root (online: asked of the chain itself). */
    EVIDENCE_ANCHOR
}
