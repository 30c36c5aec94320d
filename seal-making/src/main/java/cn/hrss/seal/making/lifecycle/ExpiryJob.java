package cn.hrss.seal.making.lifecycle;

import cn.hrss.seal.making.SealMakingProperties;
import cn.hrss.seal.making.api.SealExpired;
import cn.hrss.seal.making.api.SealExpiryReminder;
import cn.hrss.seal.making.api.SealState;
import cn.hrss.seal.making.journal.SealJournal;
import cn.hrss.seal.making.persistence.SealMapper;
import cn.hrss.seal.making.persistence.SealRow;
import cn.hrss.seal.making.port.SealStatusPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Marks seals past their validity EXPIRED (through seal status) and reminds holders N days before. One transaction
 * per seal, so one failing seal does not hold back the others; each run handles at most a batch of each kind.
 */
@Component
public class ExpiryJob {
    static final String SYSTEM_ACTOR = "system:expiry";
    private static final Logger log = LoggerFactory.getLogger(ExpiryJob.class);

    private final SealMapper seals;
    private final SealStatusPublisher status;
    private final SealJournal journal;
    private final TransactionTemplate transactions;
    private final SealMakingProperties.Expiry settings;
    private final Clock clock;

    ExpiryJob(SealMapper seals, SealStatusPublisher status, SealJournal journal, TransactionTemplate transactions,
              SealMakingProperties properties, Clock clock) {
        this.seals = seals;
        this.status = status;
        this.journal = journal;
        this.transactions = transactions;
        this.settings = properties.expiry();
        this.clock = clock;
    }

    /** What one run did. */
    public record Result(int expired, int reminded) {
    }

    public Result run() {
        Instant now = clock.instant();
        int expired = 0;
        for (String id : seals.selectExpired(now.atOffset(ZoneOffset.UTC), settings.batchSize())) {
            if (Boolean.TRUE.equals(transactions.execute(tx -> expire(id, now)))) {
                expired++;
            }
        }
        Instant horizon = now.plus(Duration.ofDays(settings.reminderDays()));
        int reminded = 0;
        for (String id : seals.selectDueForReminder(horizon.atOffset(ZoneOffset.UTC), settings.batchSize())) {
            if (Boolean.TRUE.equals(transactions.execute(tx -> remind(id, now)))) {
                reminded++;
            }
        }
        if (expired > 0 || reminded > 0) {
            log.info("seal expiry run: {} expired, {} reminded", expired, reminded);
        }
        return new Result(expired, reminded);
    }

    private boolean expire(String sealId, Instant now) {
        SealRow seal = seals.selectByIdForUpdate(sealId);
        // re-check under the lock: a renewal may have come in between
        if (seal.getStatus() != SealState.VALID || seal.getValidTo().toInstant().isAfter(now)) {
            return false;
        }
        seal.setStatus(SealState.EXPIRED);
        seal.setUpdatedAt(now.atOffset(ZoneOffset.UTC));
        seals.updateById(seal);
        journal.sealStep(seal.getId(), "expire", SYSTEM_ACTOR, null, "validTo=" + seal.getValidTo(),
                new SealExpired(seal.getId(), seal.getEsId(), seal.getValidTo().toInstant()));
        status.publish(seal.getEsId(), SealState.EXPIRED, seal.getValidTo().toInstant(), "validity ended");
        return true;
    }

    private boolean remind(String sealId, Instant now) {
        SealRow seal = seals.selectByIdForUpdate(sealId);
        if (seal.getStatus() != SealState.VALID || seal.getRemindedAt() != null) {
            return false;
        }
        seal.setRemindedAt(now.atOffset(ZoneOffset.UTC));
        seals.updateById(seal);
        log.info("seal {} of unit {} expires at {}", seal.getEsId(), seal.getUnitCreditCode(), seal.getValidTo());
        journal.sealStep(seal.getId(), "remind", SYSTEM_ACTOR, null, "validTo=" + seal.getValidTo(),
                new SealExpiryReminder(seal.getId(), seal.getEsId(), seal.getUnitCreditCode(),
                        seal.getValidTo().toInstant()));
        return true;
    }
}
