package cn.hrss.seal.audit.chain;

/**
 * Outcome of a chain verification. When broken, {@code firstBrokenSeq} is the first sequence number at which the
 * stored data stops matching and {@code problem}/{@code reason} say why.
 *
 * @param recordsChecked     records whose hashes were recomputed
 * @param checkpointsChecked checkpoints whose signatures were verified
 * @param lastCheckpointSeq  highest signed sequence number seen (0 if none); records after it are protected by
 *                           the chain only, not by a signature
 */
public record VerificationResult(boolean intact, long recordsChecked, long checkpointsChecked, long lastCheckpointSeq,
                                 Long firstBrokenSeq, Problem problem, String reason) {

    public enum Problem {
        /** A sequence number is absent: a record was deleted. */
        RECORD_MISSING,
        /** A record's content no longer matches its stored hash: it was edited. */
        RECORD_ALTERED,
        /** A record's stored previous hash differs from the hash of the record before it. */
        CHAIN_BROKEN,
        /** A checkpoint's signature does not verify, or its key is not trusted. */
        CHECKPOINT_INVALID,
        /** A validly signed checkpoint disagrees with the recomputed chain: records were rewritten. */
        CHECKPOINT_MISMATCH,
        /** Records a checkpoint or the chain head vouch for are gone from the end. */
        TAIL_TRUNCATED
    }

    static VerificationResult intact(long records, long checkpoints, long lastCheckpointSeq) {
        return new VerificationResult(true, records, checkpoints, lastCheckpointSeq, null, null, null);
    }

    static VerificationResult broken(long records, long checkpoints, long lastCheckpointSeq, long seq, Problem problem,
                                     String reason) {
        return new VerificationResult(false, records, checkpoints, lastCheckpointSeq, seq, problem, reason);
    }
}
