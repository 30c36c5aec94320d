package cn.hrss.seal.audit.api;

import java.time.Instant;

/**
 * One stored link of the audit chain, exactly as persisted. {@code outcome} and {@code details} are the stored
 * text (not re-parsed), because the hash is computed over that text.
 *
 * @param prevHash hex SM3 hash of the previous record (64 zeros for the first)
 * @param hash     hex SM3(prev hash || canonical bytes of this record)
 */
public record AuditRecord(long seq, Instant recordedAt, String actor, String action, String target, String outcome,
                          String details, String prevHash, String hash) {
}
