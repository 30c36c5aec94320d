package cn.hrss.seal.application.verification;

import cn.hrss.seal.application.verify.CheckResult;
import cn.hrss.seal.application.verify.SealStatusPolicy;
import cn.hrss.seal.application.verify.SealStatusSource;
import cn.hrss.seal.application.verify.SigningTime;
import cn.hrss.seal.status.api.EsIds;
import cn.hrss.seal.status.api.SealStatusRecord;
import cn.hrss.seal.status.api.SealStatusService;

import java.time.Clock;
import java.util.Optional;

/**
 * Seal status from this node's own status ledger, in process. Seals of other nodes are UNKNOWN here and so
 * INDETERMINATE (asking their nodes is federation work).
 */
final class LedgerSealStatusSource implements SealStatusSource {
    private final SealStatusService statuses;
    private final Clock clock;

    LedgerSealStatusSource(SealStatusService statuses, Clock clock) {
        this.statuses = statuses;
        this.clock = clock;
    }

    @Override
    public CheckResult status(String esId, SigningTime time) {
        if (!EsIds.isWellFormed(esId)) {
            return SealStatusPolicy.judge(esId, time, new SealStatusPolicy.Answer(SealStatusPolicy.State.UNKNOWN,
                    Optional.empty(), Optional.empty()), Optional.empty());
        }
        // without a proven signing time, time.at() is the validation time: the status now decides
        SealStatusPolicy.Answer atSigning = answer(statuses.statusAt(esId, time.at()));
        Optional<SealStatusPolicy.Answer> now = time.proven() && atSigning.state() == SealStatusPolicy.State.VALID
                ? Optional.of(answer(statuses.statusAt(esId, clock.instant()))) : Optional.empty();
        return SealStatusPolicy.judge(esId, time, atSigning, now);
    }

    private static SealStatusPolicy.Answer answer(SealStatusRecord record) {
        return new SealStatusPolicy.Answer(SealStatusPolicy.State.valueOf(record.status().name()),
                Optional.ofNullable(record.since()), Optional.ofNullable(record.reason()));
    }
}
