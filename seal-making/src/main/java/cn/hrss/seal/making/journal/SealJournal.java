package cn.hrss.seal.making.journal;

import cn.hrss.seal.making.persistence.SealEventMapper;
import cn.hrss.seal.making.persistence.SealEventRow;
import cn.hrss.seal.making.port.AuditLog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Records every step of seal making in one place: the seal's own history table (who, what, when, why), the audit
 * chain and the domain event. Callers run inside their transaction, so a step that fails leaves no trace.
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

    /** A step on a made seal: history row, audit entry, event. */
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
        audit.append(new AuditLog.Entry(now, actor, "seal." + action, sealId, describe(reason, detail)));
        publisher.publishEvent(event);
    }

    /** A step before a seal exists (application, review): audit entry and event. */
    public void applicationStep(String applicationId, String action, String actor, String detail, Object event) {
        audit.append(new AuditLog.Entry(clock.instant(), actor, "seal-application." + action, applicationId, detail));
        publisher.publishEvent(event);
    }

    private static String describe(String reason, String detail) {
        if (reason == null) {
            return detail;
        }
        return detail == null ? "reason=" + reason : detail + "; reason=" + reason;
    }
}
