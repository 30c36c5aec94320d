package cn.hrss.seal.audit.chain;

import cn.hrss.seal.audit.persistence.AuditCheckpointMapper;
import cn.hrss.seal.audit.persistence.AuditCheckpointRow;
import cn.hrss.seal.audit.persistence.ChainHead;
import cn.hrss.seal.audit.persistence.ChainHeadMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Signs the current chain head. Idempotent across nodes: the checkpoint's primary key is the sequence number, so
 * when two nodes sign the same head, the second insert loses and is ignored. Runs in its own transaction: a lost
 * insert must not abort a caller's transaction (PostgreSQL aborts the whole transaction on a failed statement).
 */
final class Checkpointer {
    private static final Logger log = LoggerFactory.getLogger(Checkpointer.class);

    private final ChainHeadMapper heads;
    private final AuditCheckpointMapper checkpoints;
    private final AuditKey key;
    private final Clock clock;
    private final TransactionTemplate newTransaction;

    Checkpointer(ChainHeadMapper heads, AuditCheckpointMapper checkpoints, AuditKey key, Clock clock,
                 TransactionTemplate newTransaction) {
        this.heads = heads;
        this.checkpoints = checkpoints;
        this.key = key;
        this.clock = clock;
        this.newTransaction = newTransaction;
    }

    /** Signs the committed head unless it is empty or already signed; returns the new checkpoint if one was made. */
    Optional<Checkpoint> checkpointHead() {
        try {
            return newTransaction.execute(status -> signHead());
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
    }

    private Optional<Checkpoint> signHead() {
        ChainHead head = heads.read();
        if (head.lastSeq() == 0 || checkpoints.lastSeq() >= head.lastSeq()) {
            return Optional.empty();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        byte[] tbs = ChainCodec.checkpointBytes(head.lastSeq(), head.lastHash(), now, key.keyId());
        Checkpoint c = new Checkpoint(head.lastSeq(), head.lastHash(), now, key.keyId(), key.sign(tbs));
        checkpoints.insert(AuditCheckpointRow.of(c));
        log.debug("audit checkpoint signed at seq {}", c.seq());
        return Optional.of(c);
    }
}
