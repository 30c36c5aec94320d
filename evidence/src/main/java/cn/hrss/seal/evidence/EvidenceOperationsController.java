package cn.hrss.seal.evidence;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator view of the evidence log (seed 004): size and checkpoint history, what this node's parent cosigned,
 * witness status per child log with the alarms raised, and anchoring status with recent failures.
 */
@RestController
@RequestMapping("/api/v1/evidence-operations")
@PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'AUDIT_ADMIN')")
class EvidenceOperationsController {
    private static final int HISTORY = 20;
    private final LeafStore leaves;
    private final Checkpoints checkpoints;
    private final JdbcTemplate jdbc;
    private final Optional<Witnessing> witnessing;
    private final Optional<Anchoring> anchoring;

    EvidenceOperationsController(LeafStore leaves, Checkpoints checkpoints, JdbcTemplate jdbc,
                                 Optional<Witnessing> witnessing, Optional<Anchoring> anchoring) {
        this.leaves = leaves;
        this.checkpoints = checkpoints;
        this.jdbc = jdbc;
        this.witnessing = witnessing;
        this.anchoring = anchoring;
    }

    @GetMapping
    Map<String, Object> status() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("logId", checkpoints.logId());
        body.put("size", leaves.size());
        body.put("checkpoints", checkpoints.history(HISTORY).stream().map(c -> Map.of("treeSize", c.treeSize(),
                "rootHash", c.rootHash(), "timestamp", c.timestamp().toString())).toList());
        body.put("cosignedSize", witnessing.map(Witnessing::cosignedSize).orElse(0L));
        body.put("children", jdbc.query("SELECT log_id, tree_size, root_hash, witnessed_at FROM evidence_witnessed"
                + " ORDER BY log_id", (rs, n) -> {
                    Map<String, Object> child = new LinkedHashMap<>();
                    child.put("logId", rs.getString(1));
                    child.put("treeSize", rs.getLong(2));
                    child.put("rootHash", rs.getString(3));
                    child.put("witnessedAt", rs.getTimestamp(4).toInstant().toString());
                    return child;
                }));
        body.put("alarms", jdbc.query("SELECT log_id, code, detail, raised_at FROM evidence_witness_alarm"
                + " ORDER BY raised_at DESC LIMIT " + HISTORY, (rs, n) -> Map.of("logId", rs.getString(1),
                "code", rs.getString(2), "detail", rs.getString(3), "raisedAt",
                rs.getTimestamp(4).toInstant().toString())));
        body.put("anchoring", anchoring.map(this::anchoringStatus).orElse(Map.of("enabled", false)));
        return body;
    }

    private Map<String, Object> anchoringStatus(Anchoring a) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("enabled", true);
        status.put("ledger", a.ledger());
        a.latest().ifPresent(last -> status.put("latest", Map.of("treeSize", last.treeSize(),
                "transactionHash", last.receipt().transactionHash(), "blockNumber", last.receipt().blockNumber(),
                "contractAddress", last.receipt().contractAddress(), "anchoredAt", last.anchoredAt().toString())));
        List<Map<String, Object>> attempts = a.attempts(HISTORY).stream().map(t -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("treeSize", t.treeSize());
            m.put("attemptedAt", t.attemptedAt().toString());
            m.put("outcome", t.outcome());
            m.put("code", t.code());
            m.put("detail", t.detail());
            return m;
        }).toList();
        status.put("attempts", attempts);
        return status;
    }
}
