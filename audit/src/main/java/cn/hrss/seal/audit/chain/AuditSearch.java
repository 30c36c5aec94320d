package cn.hrss.seal.audit.chain;

import java.time.Instant;

/**
 * A page of the audit log, newest first. Null filters match everything.
 *
 * @param page zero-based
 */
public record AuditSearch(Instant from, Instant to, String actor, String action, int page, int size) {
    public static final int MAX_SIZE = 200;

    public AuditSearch {
        if (page < 0) {
            throw new IllegalArgumentException("page must not be negative");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be 1.." + MAX_SIZE);
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from must not be after to");
        }
    }
}
