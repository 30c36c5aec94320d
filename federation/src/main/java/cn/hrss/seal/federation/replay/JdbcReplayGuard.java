package cn.hrss.seal.federation.replay;

import cn.hrss.seal.core.message.ReplayGuard;
import cn.hrss.seal.core.message.SignerId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The replay guard of a node that runs as several instances on one database: the primary key (signer, nonce) makes
 * the first insert win across instances. Expired nonces are deleted every {@code purgeEvery} accepted messages
 * (a replay of them fails the clock-skew check anyway). Any database error fails closed: the message is treated as a
 * replay and the sender retries.
 */
public final class JdbcReplayGuard implements ReplayGuard {
    private static final Logger log = LoggerFactory.getLogger(JdbcReplayGuard.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final long purgeEvery;
    private final AtomicLong accepted = new AtomicLong();

    public JdbcReplayGuard(JdbcTemplate jdbc, Clock clock, long purgeEvery) {
        if (purgeEvery < 1) {
            throw new IllegalArgumentException("purgeEvery must be positive");
        }
        this.jdbc = jdbc;
        this.clock = clock;
        this.purgeEvery = purgeEvery;
    }

    @Override
    public boolean firstUse(SignerId signer, String nonce, Instant keepUntil) {
        try {
            jdbc.update("INSERT INTO federation_nonce (signer_id, nonce, keep_until) VALUES (?, ?, ?)",
                    signer.toString(), nonce, Timestamp.from(keepUntil));
        } catch (DuplicateKeyException replay) {
            return false;
        } catch (DataAccessException e) {
            log.warn("replay guard unavailable, refusing the message: {}", e.getMessage());
            return false;
        }
        if (accepted.incrementAndGet() % purgeEvery == 0) {
            purgeExpired();
        }
        return true;
    }

    /** @return nonces deleted */
    public int purgeExpired() {
        try {
            return jdbc.update("DELETE FROM federation_nonce WHERE keep_until < ?", Timestamp.from(clock.instant()));
        } catch (DataAccessException e) {
            log.warn("purging expired nonces failed: {}", e.getMessage());
            return 0;
        }
    }
}
