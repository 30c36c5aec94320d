package cn.hrss.seal.status.persistence;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

import java.time.Instant;

/** Row of {@code seal_status_srl}: one published, signed seal revocation list. The number is the primary key. */
@TableName("seal_status_srl")
public class RevocationListEntity {
    @TableId(type = IdType.INPUT)
    private Long number;
    private Instant thisUpdate;
    private Instant nextUpdate;
    private int entryCount;
    private String signerCertId;
    private byte[] document;
    private byte[] signature;

    public Long getNumber() {
        return number;
    }

    public void setNumber(Long number) {
        this.number = number;
    }

    public Instant getThisUpdate() {
        return thisUpdate;
    }

    public void setThisUpdate(Instant thisUpdate) {
        this.thisUpdate = thisUpdate;
    }

    public Instant getNextUpdate() {
        return nextUpdate;
    }

    public void setNextUpdate(Instant nextUpdate) {
        this.nextUpdate = nextUpdate;
    }

    public int getEntryCount() {
        return entryCount;
    }

    public void setEntryCount(int entryCount) {
        this.entryCount = entryCount;
    }

    public String getSignerCertId() {
        return signerCertId;
    }

    public void setSignerCertId(String signerCertId) {
        this.signerCertId = signerCertId;
    }

    public byte[] getDocument() {
        return document;
    }

    public void setDocument(byte[] document) {
        this.document = document;
    }

    public byte[] getSignature() {
        return signature;
    }

    public void setSignature(byte[] signature) {
        this.signature = signature;
    }
}
