package cn.hrss.seal.audit.api;

/**
 * The append-only audit chain. Every key operation and every approval is recorded here by the module that
 * performs it.
 *
 * <p>{@link #record} commits in its own transaction (it does not join the caller's), so the record survives a
 * rollback of the business transaction: record the outcome you observed. Appends are serialised across threads
 * and across nodes sharing the database.
 */
public interface AuditTrail {

    /** Appends the entry and returns the stored record with its sequence number and hash. */
    AuditRecord record(AuditEntry entry);
}
