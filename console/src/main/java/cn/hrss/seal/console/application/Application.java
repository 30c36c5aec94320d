package cn.hrss.seal.console.application;

import java.time.OffsetDateTime;

/**
 * A seal application as {@code GET /api/v1/seal-applications/{id}} returns it. The agent's ID and phone numbers
 * arrive masked and are shown only so.
 */
record Application(String id, String status, String kind, String predecessorSealId, String applicant,
                   String unitCreditCode, String unitRegionCode, String unitType, String unitName,
                   String unitAddress, String agentName, String agentIdNumber, String agentPhone,
                   String approverUnitName, String approverRegionCode, String sealName, String sealType,
                   String scope, int validityDays, String delivery, boolean pictureUploaded,
                   OffsetDateTime createdAt, Review review) {

    record Review(String decision, String opinion, String reviewer, OffsetDateTime reviewedAt) {
    }

    public boolean submitted() {
        return "SUBMITTED".equals(status);
    }

    public boolean approved() {
        return "APPROVED".equals(status);
    }
}
