package cn.hrss.seal.making.adapter;

import cn.hrss.seal.making.api.SealState;
import cn.hrss.seal.making.port.SealStatusPublisher;
import cn.hrss.seal.status.api.SealRegistration;
import cn.hrss.seal.status.api.SealStatus;
import cn.hrss.seal.status.api.SealStatusService;

import java.time.Instant;

/** {@link SealStatusPublisher} over seal-status's {@link SealStatusService}. */
public final class StatusServicePublisher implements SealStatusPublisher {
    private final SealStatusService status;

    public StatusServicePublisher(SealStatusService status) {
        this.status = status;
    }

    @Override
    public void register(Registration r) {
        status.register(new SealRegistration(r.esId(), r.unitName(), r.sealName(), r.regionCode(),
                r.certificateSerial(), r.validFrom(), r.validTo()));
    }

    @Override
    public void publish(String esId, SealState state, Instant since, String reason) {
        SealStatus target = switch (state) {
            case SUSPENDED -> SealStatus.SUSPENDED;
            case REVOKED -> SealStatus.REVOKED;
            case EXPIRED -> SealStatus.EXPIRED;
            case VALID, AWAITING_NATIONAL_CODE -> throw new IllegalArgumentException("not a status change: " + state);
        };
        // seal-status runs its own expiry job; whichever side notices first, the seal ends up EXPIRED once
        if (target == SealStatus.EXPIRED && status.statusOf(esId).status() == SealStatus.EXPIRED) {
            return;
        }
        status.recordChange(esId, target, since, reason);
    }

    @Override
    public void renewed(String esId, String certificateSerial, Instant validTo) {
        status.renew(esId, certificateSerial, validTo, null);
    }
}
