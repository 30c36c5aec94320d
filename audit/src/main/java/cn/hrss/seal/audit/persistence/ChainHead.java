package cn.hrss.seal.audit.persistence;

/** The single row of {@code audit_head}: the last appended sequence number and its hash. */
public record ChainHead(long lastSeq, String lastHash) {
}
