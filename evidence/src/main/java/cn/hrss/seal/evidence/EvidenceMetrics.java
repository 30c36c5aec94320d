package cn.hrss.seal.evidence;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What operators watch of the evidence log (Prometheus names with the {@code seal_evidence_} prefix): its size, the
 * last checkpoint's size and age, what the parent last cosigned, and the witness alarms this node raised about its
 * children. Read from the database at each scrape.
 */
final class EvidenceMetrics implements MeterBinder {
    private final JdbcTemplate jdbc;
    private final Clock clock;

    EvidenceMetrics(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("seal.evidence.log.size", () -> number("SELECT size FROM evidence_head WHERE id = 1"))
                .description("leaves in this node's evidence log").register(registry);
        Gauge.builder("seal.evidence.checkpoint.size", () -> number(
                        "SELECT COALESCE(MAX(tree_size), 0) FROM evidence_checkpoint"))
                .description("tree size of the latest signed checkpoint").register(registry);
        Gauge.builder("seal.evidence.checkpoint.age", this::checkpointAgeSeconds).baseUnit("seconds")
                .description("age of the latest signed checkpoint (-1: none yet)").register(registry);
        Gauge.builder("seal.evidence.cosigned.size", () -> number(
                        "SELECT COALESCE(MAX(tree_size), 0) FROM evidence_cosignature"))
                .description("largest tree size the parent cosigned").register(registry);
        Gauge.builder("seal.evidence.witness.alarms", () -> number("SELECT COUNT(*) FROM evidence_witness_alarm"))
                .description("checkpoints of lower nodes refused as inconsistent or rolled back").register(registry);
        Gauge.builder("seal.evidence.anchored.size", () -> number(
                        "SELECT COALESCE(MAX(tree_size), 0) FROM evidence_anchor"))
                .description("largest tree size anchored on the ledger").register(registry);
        Gauge.builder("seal.evidence.anchor.failures", () -> number(
                        "SELECT COUNT(*) FROM evidence_anchor_attempt WHERE outcome = 'FAILED'"))
                .description("anchoring attempts that failed (chain unreachable, refused, not mined)").register(registry);
        Gauge.builder("seal.evidence.anchor.age", () -> age("SELECT MAX(anchored_at) FROM evidence_anchor"))
                .baseUnit("seconds").description("age of the latest anchoring (-1: none yet)").register(registry);
    }

    private double checkpointAgeSeconds() {
        return age("SELECT MAX(signed_at) FROM evidence_checkpoint");
    }

    private double age(String sql) {
        var signed = jdbc.queryForList(sql, java.sql.Timestamp.class);
        return signed.isEmpty() || signed.get(0) == null ? -1
                : Duration.between(signed.get(0).toInstant(), clock.instant()).toMillis() / 1000.0;
    }

    private double number(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }
}
