package cn.hrss.seal.console.seal;

import java.time.OffsetDateTime;
import java.util.List;

/** A seal as {@code GET /api/v1/seals/{esId}} returns it, with its history. */
record Seal(String esId, String sealId, String status, String scope, String unitCreditCode, String unitRegionCode,
            String unitName, String sealName, String sealType, String delivery, String certificateSerial,
            OffsetDateTime validFrom, OffsetDateTime validTo, String applicationId, String predecessorSealId,
            String successorSealId, String madeBy, OffsetDateTime madeAt, List<Step> history) {

    record Step(String action, String actor, OffsetDateTime at, String reason) {
    }

    /** The handle pages link with: the esID, or the internal id while a cross-industry seal awaits its code. */
    public String handle() {
        return esId != null ? esId : sealId;
    }
}
