package cn.hrss.seal.core.anchor;

import java.util.Optional;

/**
 * Writes evidence-log checkpoint roots to an external ledger (an EVM consortium chain, FISCO BCOS, ...) and reads
 * them back, so that a verifier can compare a receipt's checkpoint with what the ledger recorded. Implementations
 * block until the ledger accepted the record (mined / committed) and throw
 * {@link cn.hrss.seal.core.error.SealException} with a stable code when it did not.
 */
public interface EvidenceAnchor {

    /** Records the checkpoint; idempotent for the same (logId, treeSize, rootHash). */
    AnchorReceipt anchor(AnchoredCheckpoint checkpoint);

    /** What the ledger holds for this log and tree size; empty if nothing was anchored there. */
    Optional<AnchoredCheckpoint> recorded(String logId, long treeSize);

    /** A short name of the ledger, e.g. {@code evm:1337}, written into receipts. */
    String ledger();

    /** The contract (or ledger-specific address) read and written, as receipts name it; "" when there is none. */
    default String registry() {
        return "";
    }
}
