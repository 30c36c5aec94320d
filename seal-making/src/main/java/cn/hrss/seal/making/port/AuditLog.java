package cn.hrss.seal.making.port;

import java.time.Instant;

/** The append-only audit chain: every lifecycle step and every approval is written there, refusals too. */
public interface AuditLog {

    void append(Entry entry);

    /** How the step ended. */
    enum Outcome {
        SUCCESS,
        /** Refused by an authorisation or separation-of-duties rule. */
        DENIED
    }

    /**
     * One audited step. {@code detail} never holds unmasked personal data.
     *
     * @param action  e.g. "seal.apply", "seal.cancel"
     * @param subject application id, seal id or esID the step acted on
     */
    record Entry(Instant at, String actor, String action, String subject, Outcome outcome, String detail) {
    }
}
