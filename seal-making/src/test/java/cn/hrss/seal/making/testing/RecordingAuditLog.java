package cn.hrss.seal.making.testing;

import cn.hrss.seal.making.port.AuditLog;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Writes to the real audit trail and keeps a copy of the entries for assertions. */
public final class RecordingAuditLog implements AuditLog {
    private final AuditLog trail;
    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    public RecordingAuditLog(AuditLog trail) {
        this.trail = trail;
    }

    @Override
    public void append(Entry entry) {
        trail.append(entry);
        entries.add(entry);
    }

    public List<Entry> entriesFor(String subject) {
        return entries.stream().filter(e -> e.subject().equals(subject)).toList();
    }
}
