package cn.hrss.seal.making.persistence;

import cn.hrss.seal.making.api.Delivery;
import cn.hrss.seal.making.api.SealScope;
import cn.hrss.seal.making.api.SealState;
import com.baomidou.mybatisplus.annotation.FieldStrategy;
import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.OffsetDateTime;

/** A made seal: key reference or envelope, certificate, SES_Seal, validity and links. */
@TableName("making_seal")
public class SealRow {
    @TableId(type = IdType.INPUT)
    private String id;
    private String esId;
    private String applicationId;
    private SealState status;
    private SealScope scope;
    private String unitCreditCode;
    private String unitRegionCode;
    private String unitName;
    private String sealName;
    private String sealType;
    private Delivery delivery;
    private Integer keyIndex;
    private String keyLabel;
    private byte[] publicKey;
    private byte[] certificate;
    private String certificateSerial;
    private byte[] sesSeal;
    private byte[] picture;
    private byte[] keyEnvelope;
    private OffsetDateTime validFrom;
    private OffsetDateTime validTo;
    private String predecessorId;
    private String successorId;
    private String madeBy;
    private OffsetDateTime madeAt;
    /** Cleared by renewal, so updates write it even when null. */
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private OffsetDateTime remindedAt;
    private OffsetDateTime lastRenewalRequestAt;
    private OffsetDateTime updatedAt;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getEsId() {
        return esId;
    }

    public void setEsId(String esId) {
        this.esId = esId;
    }

    public String getApplicationId() {
        return applicationId;
    }

    public void setApplicationId(String applicationId) {
        this.applicationId = applicationId;
    }

    public SealState getStatus() {
        return status;
    }

    public void setStatus(SealState status) {
        this.status = status;
    }

    public SealScope getScope() {
        return scope;
    }

    public void setScope(SealScope scope) {
        this.scope = scope;
    }

    public String getUnitCreditCode() {
        return unitCreditCode;
    }

    public void setUnitCreditCode(String unitCreditCode) {
        this.unitCreditCode = unitCreditCode;
    }

    public String getUnitRegionCode() {
        return unitRegionCode;
    }

    public void setUnitRegionCode(String unitRegionCode) {
        this.unitRegionCode = unitRegionCode;
    }

    public String getUnitName() {
        return unitName;
    }

    public void setUnitName(String unitName) {
        this.unitName = unitName;
    }

    public String getSealName() {
        return sealName;
    }

    public void setSealName(String sealName) {
        this.sealName = sealName;
    }

    public String getSealType() {
        return sealType;
    }

    public void setSealType(String sealType) {
        this.sealType = sealType;
    }

    public Delivery getDelivery() {
        return delivery;
    }

    public void setDelivery(Delivery delivery) {
        this.delivery = delivery;
    }

    public Integer getKeyIndex() {
        return keyIndex;
    }

    public void setKeyIndex(Integer keyIndex) {
        this.keyIndex = keyIndex;
    }

    public String getKeyLabel() {
        return keyLabel;
    }

    public void setKeyLabel(String keyLabel) {
        this.keyLabel = keyLabel;
    }

    public byte[] getPublicKey() {
        return publicKey;
    }

    public void setPublicKey(byte[] publicKey) {
        this.publicKey = publicKey;
    }

    public byte[] getCertificate() {
        return certificate;
    }

    public void setCertificate(byte[] certificate) {
        this.certificate = certificate;
    }

    public String getCertificateSerial() {
        return certificateSerial;
    }

    public void setCertificateSerial(String certificateSerial) {
        this.certificateSerial = certificateSerial;
    }

    public byte[] getSesSeal() {
        return sesSeal;
    }

    public void setSesSeal(byte[] sesSeal) {
        this.sesSeal = sesSeal;
    }

    public byte[] getPicture() {
        return picture;
    }

    public void setPicture(byte[] picture) {
        this.picture = picture;
    }

    public byte[] getKeyEnvelope() {
        return keyEnvelope;
    }

    public void setKeyEnvelope(byte[] keyEnvelope) {
        this.keyEnvelope = keyEnvelope;
    }

    public OffsetDateTime getValidFrom() {
        return validFrom;
    }

    public void setValidFrom(OffsetDateTime validFrom) {
        this.validFrom = validFrom;
    }

    public OffsetDateTime getValidTo() {
        return validTo;
    }

    public void setValidTo(OffsetDateTime validTo) {
        this.validTo = validTo;
    }

    public String getPredecessorId() {
        return predecessorId;
    }

    public void setPredecessorId(String predecessorId) {
        this.predecessorId = predecessorId;
    }

    public String getSuccessorId() {
        return successorId;
    }

    public void setSuccessorId(String successorId) {
        this.successorId = successorId;
    }

    public String getMadeBy() {
        return madeBy;
    }

    public void setMadeBy(String madeBy) {
        this.madeBy = madeBy;
    }

    public OffsetDateTime getMadeAt() {
        return madeAt;
    }

    public void setMadeAt(OffsetDateTime madeAt) {
        this.madeAt = madeAt;
    }

    public OffsetDateTime getRemindedAt() {
        return remindedAt;
    }

    public void setRemindedAt(OffsetDateTime remindedAt) {
        this.remindedAt = remindedAt;
    }

    public OffsetDateTime getLastRenewalRequestAt() {
        return lastRenewalRequestAt;
    }

    public void setLastRenewalRequestAt(OffsetDateTime lastRenewalRequestAt) {
        this.lastRenewalRequestAt = lastRenewalRequestAt;
    }

    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(OffsetDateTime updatedAt) {
        this.updatedAt = updatedAt;
    }
}
