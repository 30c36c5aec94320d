package cn.hrss.seal.audit.chain;

import cn.hrss.seal.audit.api.AuditEntry;
import cn.hrss.seal.audit.api.AuditRecord;
import cn.hrss.seal.audit.api.AuditTrail;
import cn.hrss.seal.audit.persistence.AuditRecordMapper;
import cn.hrss.seal.audit.persistence.AuditRecordRow;
import cn.hrss.seal.audit.persistence.ChainHead;
import cn.hrss.seal.audit.persistence.ChainHeadMapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Appends records under a lock on the chain head row, each in its own transaction.
 */
final class JdbcAuditTrail implements AuditTrail {
    static final int MAX_DETAILS = 8000;
    private static final int LOCK_ATTEMPTS = 5;
    /** Canonical JSON: sorted keys, no whitespace, so equal details always hash equally. */
    private static final ObjectMapper CANONICAL_JSON = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private final ChainHeadMapper heads;
    private final AuditRecordMapper records;
    private final TransactionTemplate newTransaction;
    private final Clock clock;
    private final Checkpointer checkpointer;
    private final int checkpointEvery;

    JdbcAuditTrail(ChainHeadMapper heads, AuditRecordMapper records, TransactionTemplate newTransaction, Clock clock,
                   Checkpointer checkpointer, int checkpointEvery) {
        this.heads = heads;
        this.records = records;
        this.newTransaction = newTransaction;
        this.clock = clock;
        this.checkpointer = checkpointer;
        this.checkpointEvery = checkpointEvery;
    }

    @Override
    public AuditRecord record(AuditEntry entry) {
        String details = canonicalJson(entry);
        AuditRecord stored = appendWithRetry(entry, details);
        if (stored.seq() % checkpointEvery == 0) {
            checkpointer.checkpointHead();
        }
        return stored;
    }

    private AuditRecord appendWithRetry(AuditEntry entry, String details) {
        for (int attempt = 1; ; attempt++) {
            try {
                return newTransaction.execute(status -> append(entry, details));
            } catch (PessimisticLockingFailureException e) {
                // lock wait timed out or deadlock victim under heavy contention: the transaction rolled back whole
                if (attempt == LOCK_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private AuditRecord append(AuditEntry entry, String details) {
        ChainHead head = heads.lock();
        long seq = head.lastSeq() + 1;
        // taken under the lock, so times are ordered like sequence numbers (up to clock skew between nodes)
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String outcome = entry.outcome().name();
        String hash = ChainCodec.chainHash(head.lastHash(), seq, now, entry.actor(), entry.action(), entry.target(),
                outcome, details);
        AuditRecord record = new AuditRecord(seq, now, entry.actor(), entry.action(), entry.target(), outcome, details,
                head.lastHash(), hash);
        records.insert(AuditRecordRow.of(record));
        if (heads.advance(seq, hash) != 1) {
            throw new IllegalStateException("audit head moved while locked");
        }
        return record;
    }

    private static String canonicalJson(AuditEntry entry) {
        String json;
        try {
            json = CANONICAL_JSON.writeValueAsString(entry.details());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details are not serialisable as JSON: " + e.getOriginalMessage(), e);
        }
        if (json.length() > MAX_DETAILS) {
            throw new IllegalArgumentException("audit details longer than " + MAX_DETAILS + " characters");
        }
        return json;
    }
}
