package cn.hrss.seal.making.lifecycle;

import cn.hrss.seal.making.api.Delivery;
import cn.hrss.seal.making.api.SealScope;
import cn.hrss.seal.making.api.SealState;
import cn.hrss.seal.making.persistence.SealEventRow;
import cn.hrss.seal.making.persistence.SealRow;

import java.time.OffsetDateTime;
import java.util.List;

/** JSON of {@code GET /api/v1/seals/{esId}}: the seal, its links and its history. */
record SealView(String esId, String sealId, SealState status, SealScope scope, String unitCreditCode,
                String unitRegionCode, String unitName, String sealName, String sealType, Delivery delivery,
                String certificateSerial, OffsetDateTime validFrom, OffsetDateTime validTo, String applicationId,
                String predecessorSealId, String successorSealId, String madeBy, OffsetDateTime madeAt,
                List<Step> history) {

    /** One step: who did what, when and why. */
    record Step(String action, String actor, OffsetDateTime at, String reason) {
    }

    static SealView of(SealRow s, List<SealEventRow> events) {
        return new SealView(s.getEsId(), s.getId(), s.getStatus(), s.getScope(), s.getUnitCreditCode(),
                s.getUnitRegionCode(), s.getUnitName(), s.getSealName(), s.getSealType(), s.getDelivery(),
                s.getCertificateSerial(), s.getValidFrom(), s.getValidTo(), s.getApplicationId(),
                s.getPredecessorId(), s.getSuccessorId(), s.getMadeBy(), s.getMadeAt(),
                events.stream().map(e -> new Step(e.getAction(), e.getActor(), e.getOccurredAt(), e.getReason()))
                        .toList());
    }
}
