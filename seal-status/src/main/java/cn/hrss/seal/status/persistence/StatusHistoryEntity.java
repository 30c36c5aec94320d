package cn.hrss.seal.status.persistence;

import cn.hrss.seal.status.api.SealStatus;
import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

import java.time.Instant;

/**
 * Row of {@code seal_status_history}: one status a seal entered. Append-only; {@code (es_id, version)} is unique,
 * so two writers can never both append the same step.
 */
@TableName("seal_status_history")
public class StatusHistoryEntity {
    @TableId(type = IdType.AUTO)
    private Long id;
    private String esId;
    private long version;
    private SealStatus status;
    private Instant changedAt;
    private String reason;
    private Instant recordedAt;

    public static StatusHistoryEntity of(String esId, long version, SealStatus status, Instant changedAt,
                                         String reason, Instant recordedAt) {
        StatusHistoryEntity e = new StatusHistoryEntity();
        e.esId = esId;
        e.version = version;
        e.status = status;
        e.changedAt = changedAt;
        e.reason = reason;
        e.recordedAt = recordedAt;
        return e;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getEsId() {
        return esId;
    }

    public void setEsId(String esId) {
        this.esId = esId;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }

    public SealStatus getStatus() {
        return status;
    }

    public void setStatus(SealStatus status) {
        this.status = status;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public void setChangedAt(Instant changedAt) {
        this.changedAt = changedAt;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public void setRecordedAt(Instant recordedAt) {
        this.recordedAt = recordedAt;
    }
}
