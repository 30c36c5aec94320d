package cn.hrss.seal.audit.persistence;

import cn.hrss.seal.audit.api.AuditRecord;
import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Row of {@code audit_record}. Mutable only because MyBatis maps into it. */
@TableName("audit_record")
public class AuditRecordRow {
    @TableId(value = "seq", type = IdType.INPUT)
    private Long seq;
    private OffsetDateTime recordedAt;
    private String actor;
    private String action;
    private String target;
    private String outcome;
    private String details;
    private String prevHash;
    private String recordHash;

    public static AuditRecordRow of(AuditRecord r) {
        AuditRecordRow row = new AuditRecordRow();
        row.seq = r.seq();
        row.recordedAt = r.recordedAt().atOffset(ZoneOffset.UTC);
        row.actor = r.actor();
        row.action = r.action();
        row.target = r.target();
        row.outcome = r.outcome();
        row.details = r.details();
        row.prevHash = r.prevHash();
        row.recordHash = r.hash();
        return row;
    }

    public AuditRecord toRecord() {
        return new AuditRecord(seq, recordedAt.toInstant(), actor, action, target, outcome, details, prevHash,
                recordHash);
    }

    public Long getSeq() {
        return seq;
    }

    public void setSeq(Long seq) {
        this.seq = seq;
    }

    public OffsetDateTime getRecordedAt() {
        return recordedAt;
    }

    public void setRecordedAt(OffsetDateTime recordedAt) {
        this.recordedAt = recordedAt;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }

    public String getDetails() {
        return details;
    }

    public void setDetails(String details) {
        this.details = details;
    }

    public String getPrevHash() {
        return prevHash;
    }

    public void setPrevHash(String prevHash) {
        this.prevHash = prevHash;
    }

    public String getRecordHash() {
        return recordHash;
    }

    public void setRecordHash(String recordHash) {
        this.recordHash = recordHash;
    }
}
