package cn.hrss.seal.audit.persistence;

import cn.hrss.seal.audit.chain.Checkpoint;
import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Row of {@code audit_checkpoint}. */
@TableName("audit_checkpoint")
public class AuditCheckpointRow {
    @TableId(value = "seq", type = IdType.INPUT)
    private Long seq;
    private String recordHash;
    private OffsetDateTime signedAt;
    private String keyId;
    private String signature;

    public static AuditCheckpointRow of(Checkpoint c) {
        AuditCheckpointRow row = new AuditCheckpointRow();
        row.seq = c.seq();
        row.recordHash = c.recordHash();
        row.signedAt = c.signedAt().atOffset(ZoneOffset.UTC);
        row.keyId = c.keyId();
        row.signature = c.signature();
        return row;
    }

    public Checkpoint toCheckpoint() {
        return new Checkpoint(seq, recordHash, signedAt.toInstant(), keyId, signature);
    }

    public Long getSeq() {
        return seq;
    }

    public void setSeq(Long seq) {
        this.seq = seq;
    }

    public String getRecordHash() {
        return recordHash;
    }

    public void setRecordHash(String recordHash) {
        this.recordHash = recordHash;
    }

    public OffsetDateTime getSignedAt() {
        return signedAt;
    }

    public void setSignedAt(OffsetDateTime signedAt) {
        this.signedAt = signedAt;
    }

    public String getKeyId() {
        return keyId;
    }

    public void setKeyId(String keyId) {
        this.keyId = keyId;
    }

    public String getSignature() {
        return signature;
    }

    public void setSignature(String signature) {
        this.signature = signature;
    }
}
