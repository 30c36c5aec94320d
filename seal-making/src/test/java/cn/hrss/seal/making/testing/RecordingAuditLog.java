package cn.hrss.seal.making.testing;

import cn.hrss.seal.making.port.AuditLog;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps audit entries in memory; stands in for the audit chain in tests. */
public final class RecordingAuditLog implements AuditLog {
    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    @Override
    public void append(Entry entry) {
        entries.add(entry);
    }

    public List<Entry> entriesFor(String subject) {
        return entries.stream().filter(e -> e.subject().equals(subject)).toList();
    }

    public List<Entry> all() {
        return List.copyOf(entries);
    }
}
