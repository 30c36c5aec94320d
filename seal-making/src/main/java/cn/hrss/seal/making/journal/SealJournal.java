package cn.hrss.seal.making.journal;

import cn.hrss.seal.making.persistence.SealEventMapper;
import cn.hrss.seal.making.persistence.SealEventRow;
import cn.hrss.seal.making.port.AuditLog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Records every step of seal making in one place: the seal's own history table (who, what, when, why) in the
 * caller's transaction, the domain event, and the audit chain. The audit chain commits on its own, so a step is
 * audited only once its transaction has committed: a step that fails leaves no trace claiming it happened.
 */
@Component
public class SealJournal {
    private final SealEventMapper events;
    private final AuditLog audit;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    SealJournal(SealEventMapper events, AuditLog audit, ApplicationEventPublisher publisher, Clock clock) {
        this.events = events;
        this.audit = audit;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** A step on a made seal: history row, event, audit entry after commit. */
    public void sealStep(String sealId, String action, String actor, String reason, String detail, Object event) {
        Instant now = clock.instant();
        SealEventRow row = new SealEventRow();
        row.setSealId(sealId);
        row.setAction(action);
        row.setActor(actor);
        row.setReason(reason);
        row.setDetail(detail);
        row.setOccurredAt(now.atOffset(ZoneOffset.UTC));
        events.insert(row);
        publisher.publishEvent(event);
        afterCommit(new AuditLog.Entry(now, actor, "seal." + action, sealId, AuditLog.Outcome.SUCCESS,
                describe(reason, detail)));
    }

    /** A step before a seal exists (application, review): event, audit entry after commit. */
    public void applicationStep(String applicationId, String action, String actor, String detail, Object event) {
        publisher.publishEvent(event);
        afterCommit(new AuditLog.Entry(clock.instant(), actor, "seal-application." + action, applicationId,
                AuditLog.Outcome.SUCCESS, detail));
    }

    /** A refused attempt, audited at once whatever happens to the surrounding transaction. */
    public void denied(String subject, String action, String actor, String why) {
        audit.append(new AuditLog.Entry(clock.instant(), actor, action, subject, AuditLog.Outcome.DENIED, why));
    }

    private void afterCommit(AuditLog.Entry entry) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            audit.append(entry);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                audit.append(entry);
            }
        });
    }

    private static String describe(String reason, String detail) {
        if (reason == null) {
            return detail;
        }
        return detail == null ? "reason=" + reason : detail + "; reason=" + reason;
    }
}
