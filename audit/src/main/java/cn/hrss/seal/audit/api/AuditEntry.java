package cn.hrss.seal.audit.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a module asks to be recorded: who did what to which object, how it ended, and details.
 *
 * <p>Details must already be free of personal data in clear: pass masked values
 * ({@code cn.hrss.seal.core.pii.Masking}) or blind indexes, never ID or phone numbers. Values may be strings,
 * numbers, booleans, lists and nested maps; they are stored as canonical JSON (keys sorted).
 *
 * @param actor   account or system that acted, e.g. {@code user:alice} or {@code client:hr-system}
 * @param action  dotted action name, e.g. {@code seal.revoke}, {@code key.generate}
 * @param target  the object acted on, e.g. {@code seal:8E37...}; empty when there is none
 */
public record AuditEntry(String actor, String action, String target, AuditOutcome outcome, Map<String, Object> details) {
    public static final int MAX_ACTOR = 128;
    public static final int MAX_ACTION = 64;
    public static final int MAX_TARGET = 256;

    public AuditEntry {
        actor = requireText(actor, "actor", MAX_ACTOR);
        action = requireText(action, "action", MAX_ACTION);
        target = target == null ? "" : target;
        if (target.length() > MAX_TARGET) {
            throw new IllegalArgumentException("audit target longer than " + MAX_TARGET);
        }
        Objects.requireNonNull(outcome, "outcome");
        details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public static AuditEntry of(String actor, String action, String target, AuditOutcome outcome) {
        return new AuditEntry(actor, action, target, outcome, Map.of());
    }

    /** A copy with one more detail. */
    public AuditEntry withDetail(String key, Object value) {
        Map<String, Object> d = new LinkedHashMap<>(details);
        d.put(Objects.requireNonNull(key, "key"), value);
        return new AuditEntry(actor, action, target, outcome, d);
    }

    private static String requireText(String v, String name, int max) {
        if (v == null || v.isBlank() || v.length() > max) {
            throw new IllegalArgumentException("audit " + name + " must be 1.." + max + " characters");
        }
        return v;
    }
}
