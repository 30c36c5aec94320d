package cn.hrss.seal.evidence;

import cn.hrss.seal.core.anchor.AnchorReceipt;
import cn.hrss.seal.core.anchor.AnchoredCheckpoint;
import cn.hrss.seal.core.anchor.EvidenceAnchor;
import cn.hrss.seal.core.crypto.Sm3;
import cn.hrss.seal.core.error.SealException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes checkpoints to the ledger behind {@link EvidenceAnchor} at most every {@code seal.evidence.anchor.interval}.
 * With a parent witness it anchors the newest checkpoint the parent cosigned, so one checkpoint carries both the
 * cosignature and the anchor; alone, the newest checkpoint. Every attempt is kept (operator view, metrics); a failed
 * one is retried at the next tick.
 */
final class Anchoring {
    static final String ANCHORED = "ANCHORED";
    static final String FAILED = "FAILED";
    private static final Logger log = LoggerFactory.getLogger(Anchoring.class);

    private final Checkpoints checkpoints;
    private final EvidenceAnchor anchor;
    private final JdbcTemplate jdbc;
    private final LongSupplier target;
    private final Duration interval;
    private final Clock clock;

    /** @param target the tree size to anchor now (the newest cosigned or the newest checkpoint) */
    Anchoring(Checkpoints checkpoints, EvidenceAnchor anchor, JdbcTemplate jdbc, LongSupplier target,
              Duration interval, Clock clock) {
        this.checkpoints = checkpoints;
        this.anchor = anchor;
        this.jdbc = jdbc;
        this.target = target;
        this.interval = interval;
        this.clock = clock;
    }

    record Anchored(long treeSize, AnchorReceipt receipt, String checkpointSm3, Instant anchoredAt) {
    }

    record Attempt(long treeSize, Instant attemptedAt, String outcome, String code, String detail) {
    }

    /** Anchors the target checkpoint when it is new and the interval since the last anchoring has passed. */
    synchronized Optional<Anchored> anchorDue() {
        long size = target.getAsLong();
        Optional<Anchored> last = latest();
        if (size <= 0 || last.isPresent() && last.get().treeSize() >= size) {
            return Optional.empty();
        }
        if (last.isPresent() && last.get().anchoredAt().plus(interval).isAfter(clock.instant())) {
            return Optional.empty();
        }
        return checkpoints.at(size).map(this::anchor);
    }

    private Anchored anchor(Checkpoints.Checkpoint c) {
        byte[] checkpointSm3 = Sm3.hash(c.body().getBytes(StandardCharsets.US_ASCII));
        AnchoredCheckpoint record = new AnchoredCheckpoint(c.signer(), c.treeSize(),
                HexFormat.of().parseHex(c.rootHash()), checkpointSm3);
        Instant now = clock.instant();
        try {
            AnchorReceipt receipt = anchor.anchor(record);
            String sm3 = HexFormat.of().formatHex(checkpointSm3);
            jdbc.update("INSERT INTO evidence_anchor (tree_size, ledger, contract_address, transaction_hash,"
                            + " block_number, block_time, checkpoint_sm3, anchored_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                            + " ON CONFLICT DO NOTHING", c.treeSize(), receipt.ledger(), receipt.contractAddress(),
                    receipt.transactionHash(), receipt.blockNumber(), Timestamp.from(receipt.blockTime()), sm3,
                    Timestamp.from(now));
            attempt(c.treeSize(), now, ANCHORED, null, receipt.transactionHash());
            log.info("evidence checkpoint {} anchored on {} in {}", c.treeSize(), receipt.ledger(),
                    receipt.transactionHash());
            return new Anchored(c.treeSize(), receipt, sm3, now);
        } catch (SealException e) {
            attempt(c.treeSize(), now, FAILED, e.code(), e.getMessage());
            log.warn("evidence checkpoint {} not anchored: {} {}", c.treeSize(), e.code(), e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            attempt(c.treeSize(), now, FAILED, "ANCHOR_FAILED", String.valueOf(e.getMessage()));
            log.warn("evidence checkpoint {} not anchored: {}", c.treeSize(), e.toString());
            throw e;
        }
    }

    private void attempt(long size, Instant at, String outcome, String code, String detail) {
        String d = detail == null ? null : detail.substring(0, Math.min(500, detail.length()));
        jdbc.update("INSERT INTO evidence_anchor_attempt (id, tree_size, attempted_at, outcome, code, detail)"
                + " VALUES (?, ?, ?, ?, ?, ?)", UUID.randomUUID().toString(), size, Timestamp.from(at), outcome, code, d);
    }

    Optional<Anchored> latest() {
        return jdbc.query("SELECT * FROM evidence_anchor ORDER BY tree_size DESC LIMIT 1", Anchoring::row)
                .stream().findFirst();
    }

    /** The smallest anchored tree that contains the leaf, if any. */
    Optional<Anchored> covering(long leafIndex) {
        return jdbc.query("SELECT * FROM evidence_anchor WHERE tree_size > ? ORDER BY tree_size LIMIT 1",
                Anchoring::row, leafIndex).stream().findFirst();
    }

    List<Attempt> attempts(int limit) {
        return jdbc.query("SELECT * FROM evidence_anchor_attempt ORDER BY attempted_at DESC LIMIT ?", (rs, n) ->
                new Attempt(rs.getLong("tree_size"), rs.getTimestamp("attempted_at").toInstant(),
                        rs.getString("outcome"), rs.getString("code"), rs.getString("detail")), limit);
    }

    String ledger() {
        return anchor.ledger();
    }

    private static Anchored row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Anchored(rs.getLong("tree_size"), new AnchorReceipt(rs.getString("ledger"),
                rs.getString("contract_address"), rs.getString("transaction_hash"), rs.getLong("block_number"),
                rs.getTimestamp("block_time").toInstant()), rs.getString("checkpoint_sm3"),
                rs.getTimestamp("anchored_at").toInstant());
    }
}
