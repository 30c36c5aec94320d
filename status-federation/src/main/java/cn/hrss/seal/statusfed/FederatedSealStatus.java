package cn.hrss.seal.statusfed;

import cn.hrss.seal.status.api.EsIds;
import cn.hrss.seal.status.api.SealHistory;
import cn.hrss.seal.status.api.SealRegistration;
import cn.hrss.seal.status.api.SealStatus;
import cn.hrss.seal.status.api.SealStatusRecord;
import cn.hrss.seal.status.api.SealStatusService;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The node's {@link SealStatusService} once it federates: its own seals from the ledger as before; a seal the ledger
 * does not know is resolved through the federation (held copy, or the parent's answer, cached). So the signed status
 * answers of {@code GET /api/v1/seal-status/{esId}}, the verification of documents and the portal all see seals of
 * other cities and provinces. Writes always go to the ledger: a node only changes its own seals.
 */
final class FederatedSealStatus implements SealStatusService {
    private final SealStatusService ledger;
    private final StatusFederation federation;
    private final Clock clock;

    FederatedSealStatus(SealStatusService ledger, StatusFederation federation, Clock clock) {
        this.ledger = ledger;
        this.federation = federation;
        this.clock = clock;
    }

    @Override
    public SealStatusRecord register(SealRegistration registration) {
        return ledger.register(registration);
    }

    @Override
    public SealStatusRecord recordChange(String esId, SealStatus newStatus, Instant at, String reason) {
        return ledger.recordChange(esId, newStatus, at, reason);
    }

    @Override
    public SealStatusRecord renew(String esId, String certificateSerial, Instant validEnd, Instant at) {
        return ledger.renew(esId, certificateSerial, validEnd, at);
    }

    @Override
    public SealStatusRecord statusOf(String esId) {
        SealStatusRecord own = ledger.statusOf(esId);
        return own.status() != SealStatus.UNKNOWN ? own : remote(esId).map(h -> h.at(clock.instant())).orElse(own);
    }

    @Override
    public SealStatusRecord statusAt(String esId, Instant time) {
        SealStatusRecord own = ledger.statusAt(esId, time);
        if (own.status() != SealStatus.UNKNOWN || ledger.historyOf(esId).isPresent()) {
            return own;
        }
        return remote(esId).map(h -> h.at(time)).orElse(own);
    }

    @Override
    public Optional<SealHistory> historyOf(String esId) {
        return ledger.historyOf(esId);
    }

    private Optional<SealHistory> remote(String esId) {
        EsIds.requireWellFormed(esId);
        return federation.resolve(esId);
    }
}
