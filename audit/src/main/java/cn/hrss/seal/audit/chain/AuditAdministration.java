package cn.hrss.seal.audit.chain;

import cn.hrss.seal.audit.api.AuditRecord;
import cn.hrss.seal.audit.persistence.AuditCheckpointMapper;
import cn.hrss.seal.audit.persistence.AuditCheckpointRow;
import cn.hrss.seal.audit.persistence.AuditRecordMapper;
import cn.hrss.seal.audit.persistence.AuditRecordRow;
import cn.hrss.seal.audit.persistence.ChainHeadMapper;
import cn.hrss.seal.core.device.Sm2PublicKey;
import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.toolkit.Wrappers;

import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/** What an audit administrator does with the stored chain: search it, verify it, force a checkpoint. */
public final class AuditAdministration {
    private static final int VERIFY_BATCH = 1000;

    private final AuditRecordMapper records;
    private final AuditCheckpointMapper checkpoints;
    private final ChainHeadMapper heads;
    private final AuditKey key;
    private final Checkpointer checkpointer;

    AuditAdministration(AuditRecordMapper records, AuditCheckpointMapper checkpoints, ChainHeadMapper heads,
                        AuditKey key, Checkpointer checkpointer) {
        this.records = records;
        this.checkpoints = checkpoints;
        this.heads = heads;
        this.key = key;
        this.checkpointer = checkpointer;
    }

    public AuditPage search(AuditSearch q) {
        LambdaQueryWrapper<AuditRecordRow> where = Wrappers.lambdaQuery(AuditRecordRow.class)
                .ge(q.from() != null, AuditRecordRow::getRecordedAt,
                        q.from() == null ? null : q.from().atOffset(ZoneOffset.UTC))
                .lt(q.to() != null, AuditRecordRow::getRecordedAt,
                        q.to() == null ? null : q.to().atOffset(ZoneOffset.UTC))
                .eq(q.actor() != null, AuditRecordRow::getActor, q.actor())
                .eq(q.action() != null, AuditRecordRow::getAction, q.action());
        long total = records.selectCount(where);
        long offset = (long) q.page() * q.size();
        List<AuditRecord> items = records.selectList(where.clone()
                        .orderByDesc(AuditRecordRow::getSeq)
                        .last("LIMIT " + q.size() + " OFFSET " + offset))
                .stream().map(AuditRecordRow::toRecord).toList();
        return new AuditPage(items, total, q.page(), q.size());
    }

    /** Verifies the whole stored chain against the device's audit key, reading records in batches. */
    public VerificationResult verify() {
        long headSeq = heads.read().lastSeq();
        List<Checkpoint> signed = checkpoints.selectList(null).stream().map(AuditCheckpointRow::toCheckpoint).toList();
        return AuditVerifier.trusting(key.publicKey()).verify(new BatchIterator(), signed, headSeq);
    }

    /** Signs the current head now (e.g. before a backup); empty if there is nothing new to sign. */
    public Optional<Checkpoint> checkpointNow() {
        return checkpointer.checkpointHead();
    }

    /** The public key that signs checkpoints, for auditors who verify offline. */
    public Sm2PublicKey checkpointKey() {
        return key.publicKey();
    }

    /** Streams records in sequence order without holding the whole table in memory. */
    private final class BatchIterator implements Iterator<AuditRecord> {
        private final Deque<AuditRecord> buffer = new ArrayDeque<>();
        private long after;
        private boolean exhausted;

        @Override
        public boolean hasNext() {
            if (buffer.isEmpty() && !exhausted) {
                List<AuditRecordRow> rows = records.pageAfter(after, VERIFY_BATCH);
                rows.forEach(r -> buffer.add(r.toRecord()));
                exhausted = rows.size() < VERIFY_BATCH;
                if (!rows.isEmpty()) {
                    after = rows.get(rows.size() - 1).getSeq();
                }
            }
            return !buffer.isEmpty();
        }

        @Override
        public AuditRecord next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return buffer.poll();
        }
    }
}
