package cn.hrss.seal.audit.chain;

import cn.hrss.seal.audit.persistence.AuditCheckpointMapper;
import cn.hrss.seal.audit.persistence.AuditCheckpointRow;
import cn.hrss.seal.audit.persistence.ChainHead;
import cn.hrss.seal.audit.persistence.ChainHeadMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Signs the current chain head. Idempotent across nodes: the checkpoint's primary key is the sequence number, so
 * when two nodes sign the same head, the second insert loses and is ignored.
 */
final class Checkpointer {
    private static final Logger log = LoggerFactory.getLogger(Checkpointer.class);

    private final ChainHeadMapper heads;
    private final AuditCheckpointMapper checkpoints;
    private final AuditKey key;
    private final Clock clock;

    Checkpointer(ChainHeadMapper heads, AuditCheckpointMapper checkpoints, AuditKey key, Clock clock) {
        this.heads = heads;
        this.checkpoints = checkpoints;
        this.key = key;
        this.clock = clock;
    }

    /** Signs the committed head unless it is empty or already signed; returns the new checkpoint if one was made. */
    Optional<Checkpoint> checkpointHead() {
        ChainHead head = heads.read();
        if (head.lastSeq() == 0 || checkpoints.lastSeq() >= head.lastSeq()) {
            return Optional.empty();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        byte[] tbs = ChainCodec.checkpointBytes(head.lastSeq(), head.lastHash(), now, key.keyId());
        Checkpoint c = new Checkpoint(head.lastSeq(), head.lastHash(), now, key.keyId(), key.sign(tbs));
        try {
            checkpoints.insert(AuditCheckpointRow.of(c));
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
        log.debug("audit checkpoint signed at seq {}", c.seq());
        return Optional.of(c);
    }
}
