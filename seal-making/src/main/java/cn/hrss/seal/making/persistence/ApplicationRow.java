package cn.hrss.seal.making.persistence;

import cn.hrss.seal.making.api.Delivery;
import cn.hrss.seal.making.api.SealScope;
import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.OffsetDateTime;

/** A seal application as stored; personal data only encrypted and masked. */
@TableName("making_application")
public class ApplicationRow {
    @TableId(type = IdType.INPUT)
    private String id;
    private ApplicationStatus status;
    private ApplicationKind kind;
    private String predecessorSealId;
    private String applicant;
    private String unitCreditCode;
    private String unitRegionCode;
    private String unitType;
    private String unitName;
    private String unitAddress;
    private String agentName;
    private byte[] agentIdNumberEnc;
    private String agentIdNumberMasked;
    private byte[] agentPhoneEnc;
    private String agentPhoneMasked;
    private String approverUnitName;
    private String approverRegionCode;
    private String sealName;
    private String sealType;
    private SealScope scope;
    private Integer validityDays;
    private byte[] picture;
    private Delivery delivery;
    private byte[] holderPublicKey;
    private OffsetDateTime createdAt;
    private OffsetDateTime updatedAt;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public ApplicationStatus getStatus() {
        return status;
    }

    public void setStatus(ApplicationStatus status) {
        this.status = status;
    }

    public ApplicationKind getKind() {
        return kind;
    }

    public void setKind(ApplicationKind kind) {
        this.kind = kind;
    }

    public String getPredecessorSealId() {
        return predecessorSealId;
    }

    public void setPredecessorSealId(String predecessorSealId) {
        this.predecessorSealId = predecessorSealId;
    }

    public String getApplicant() {
        return applicant;
    }

    public void setApplicant(String applicant) {
        this.applicant = applicant;
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

    public String getUnitType() {
        return unitType;
    }

    public void setUnitType(String unitType) {
        this.unitType = unitType;
    }

    public String getUnitName() {
        return unitName;
    }

    public void setUnitName(String unitName) {
        this.unitName = unitName;
    }

    public String getUnitAddress() {
        return unitAddress;
    }

    public void setUnitAddress(String unitAddress) {
        this.unitAddress = unitAddress;
    }

    public String getAgentName() {
        return agentName;
    }

    public void setAgentName(String agentName) {
        this.agentName = agentName;
    }

    public byte[] getAgentIdNumberEnc() {
        return agentIdNumberEnc;
    }

    public void setAgentIdNumberEnc(byte[] agentIdNumberEnc) {
        this.agentIdNumberEnc = agentIdNumberEnc;
    }

    public String getAgentIdNumberMasked() {
        return agentIdNumberMasked;
    }

    public void setAgentIdNumberMasked(String agentIdNumberMasked) {
        this.agentIdNumberMasked = agentIdNumberMasked;
    }

    public byte[] getAgentPhoneEnc() {
        return agentPhoneEnc;
    }

    public void setAgentPhoneEnc(byte[] agentPhoneEnc) {
        this.agentPhoneEnc = agentPhoneEnc;
    }

    public String getAgentPhoneMasked() {
        return agentPhoneMasked;
    }

    public void setAgentPhoneMasked(String agentPhoneMasked) {
        this.agentPhoneMasked = agentPhoneMasked;
    }

    public String getApproverUnitName() {
        return approverUnitName;
    }

    public void setApproverUnitName(String approverUnitName) {
        this.approverUnitName = approverUnitName;
    }

    public String getApproverRegionCode() {
        return approverRegionCode;
    }

    public void setApproverRegionCode(String approverRegionCode) {
        this.approverRegionCode = approverRegionCode;
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

    public SealScope getScope() {
        return scope;
    }

    public void setScope(SealScope scope) {
        this.scope = scope;
    }

    public Integer getValidityDays() {
        return validityDays;
    }

    public void setValidityDays(Integer validityDays) {
        this.validityDays = validityDays;
    }

    public byte[] getPicture() {
        return picture;
    }

    public void setPicture(byte[] picture) {
        this.picture = picture;
    }

    public Delivery getDelivery() {
        return delivery;
    }

    public void setDelivery(Delivery delivery) {
        this.delivery = delivery;
    }

    public byte[] getHolderPublicKey() {
        return holderPublicKey;
    }

    public void setHolderPublicKey(byte[] holderPublicKey) {
        this.holderPublicKey = holderPublicKey;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(OffsetDateTime createdAt) {
        this.createdAt = createdAt;
    }

    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(OffsetDateTime updatedAt) {
        this.updatedAt = updatedAt;
    }
}
