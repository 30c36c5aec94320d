package cn.hrss.seal.audit.chain;

import cn.hrss.seal.audit.api.AuditRecord;

import java.util.List;

/** One page of records and the total number matching the filter. */
public record AuditPage(List<AuditRecord> items, long total, int page, int size) {
    public AuditPage {
        items = List.copyOf(items);
    }
}
