package cn.hrss.seal.making.apply;

import cn.hrss.seal.making.api.Delivery;
import cn.hrss.seal.making.api.SealScope;
import cn.hrss.seal.making.persistence.ApplicationRow;
import cn.hrss.seal.making.persistence.ReviewRow;

import java.time.OffsetDateTime;

/** JSON view of an application; personal data only masked. */
record ApplicationView(String id, String status, String kind, String predecessorSealId, String applicant,
                       String unitCreditCode, String unitRegionCode, String unitType, String unitName,
                       String unitAddress, String agentName, String agentIdNumber, String agentPhone,
                       String approverUnitName, String approverRegionCode, String sealName, String sealType,
                       SealScope scope, int validityDays, Delivery delivery, boolean pictureUploaded,
                       OffsetDateTime createdAt, Review review) {

    /** The signed review record: {@code signature} is SM3withSM2 by the maker key over {@code signedContent}. */
    record Review(String decision, String opinion, String reviewer, OffsetDateTime reviewedAt,
                  byte[] signedContent, byte[] signature, String signerKey) {
    }

    static ApplicationView of(ApplicationRow a, ReviewRow r) {
        Review review = r == null ? null : new Review(r.getDecision(), r.getOpinion(), r.getReviewer(),
                r.getReviewedAt(), r.getSignedContent(), r.getSignature(), r.getSignerKey());
        return new ApplicationView(a.getId(), a.getStatus().name(), a.getKind().name(), a.getPredecessorSealId(),
                a.getApplicant(), a.getUnitCreditCode(), a.getUnitRegionCode(), a.getUnitType(), a.getUnitName(),
                a.getUnitAddress(), a.getAgentName(), a.getAgentIdNumberMasked(), a.getAgentPhoneMasked(),
                a.getApproverUnitName(), a.getApproverRegionCode(), a.getSealName(), a.getSealType(), a.getScope(),
                a.getValidityDays(), a.getDelivery(), a.getPicture() != null, a.getCreatedAt(), review);
    }
}
