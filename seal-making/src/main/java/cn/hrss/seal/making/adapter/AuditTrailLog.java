package cn.hrss.seal.making.adapter;

import cn.hrss.seal.audit.api.AuditEntry;
import cn.hrss.seal.audit.api.AuditOutcome;
import cn.hrss.seal.audit.api.AuditTrail;
import cn.hrss.seal.making.port.AuditLog;

import java.util.Map;

/** {@link AuditLog} over the audit module's hash-chained {@link AuditTrail}. */
public final class AuditTrailLog implements AuditLog {
    private final AuditTrail trail;

    public AuditTrailLog(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public void append(Entry e) {
        AuditOutcome outcome = e.outcome() == Outcome.DENIED ? AuditOutcome.DENIED : AuditOutcome.SUCCESS;
        Map<String, Object> details = e.detail() == null ? Map.of() : Map.of("detail", e.detail());
        trail.record(new AuditEntry(actor(e.actor()), e.action(), target(e), outcome, details));
    }

    /** Accounts are named as the audit module expects ({@code user:alice}); system actors already carry a kind. */
    private static String actor(String actor) {
        return actor.contains(":") ? actor : "user:" + actor;
    }

    private static String target(Entry e) {
        return (e.action().startsWith("seal-application.") ? "seal-application:" : "seal:") + e.subject();
    }
}
