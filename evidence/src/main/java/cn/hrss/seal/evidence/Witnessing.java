package cn.hrss.seal.evidence;

import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.device.KeyRef;
import cn.hrss.seal.core.error.SealException;
import cn.hrss.seal.core.merkle.MerkleProofs;
import cn.hrss.seal.core.message.MessageKind;
import cn.hrss.seal.core.message.SignerId;
import cn.hrss.seal.core.message.VerifiedMessage;
import cn.hrss.seal.federation.api.DestinationResolver;
import cn.hrss.seal.federation.api.FederationClient;
import cn.hrss.seal.federation.api.FederationException;
import cn.hrss.seal.federation.api.FederationResponse;
import cn.hrss.seal.servicemgmt.api.RegisteredSystems;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The parent tier as witness (docs/EVIDENCE.md): a child sends each new checkpoint with a consistency proof from the
 * last one its parent cosigned ({@code evidence.checkpoint/1}); the parent checks the child's signature, that the new
 * tree extends the witnessed one, and cosigns the same body. A log that was rewritten cannot prove consistency: the
 * parent refuses (409) and raises an alarm it keeps, so history cannot be changed unnoticed.
 */
final class Witnessing {
    static final String NOT_A_CHILD = "EVIDENCE_NOT_A_CHILD";
    static final String INVALID = "EVIDENCE_CHECKPOINT_INVALID";
    static final String INCONSISTENT = "EVIDENCE_INCONSISTENT";
    static final String ROLLBACK = "EVIDENCE_ROLLBACK";
    private static final Logger log = LoggerFactory.getLogger(Witnessing.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Checkpoints checkpoints;
    private final JdbcTemplate jdbc;
    private final CipherDevice device;
    private final KeyRef key;
    private final FederationClient client;
    private final DestinationResolver destinations;
    private final Optional<RegisteredSystems> children;
    private final Clock clock;
    private final Supplier<List<String>> chain;

    /** @param chain this node's certificate chain (base64 DER, node certificate first), handed out with cosignatures */
    Witnessing(Checkpoints checkpoints, JdbcTemplate jdbc, CipherDevice device, KeyRef key, FederationClient client,
               DestinationResolver destinations, Optional<RegisteredSystems> children, Clock clock,
               Supplier<List<String>> chain) {
        this.chain = chain;
        this.checkpoints = checkpoints;
        this.jdbc = jdbc;
        this.device = device;
        this.key = key;
        this.client = client;
        this.destinations = destinations;
        this.children = children;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ child side

    /** Sends the latest checkpoint to the parent if it has not cosigned it yet; true when it is cosigned now. */
    boolean submit() {
        Optional<Checkpoints.Checkpoint> latest = checkpoints.latest();
        if (latest.isEmpty() || destinations.baseUri("parent").isEmpty()) {
            return false;
        }
        Checkpoints.Checkpoint c = latest.get();
        long previous = cosignedSize();
        if (previous == c.treeSize()) {
            return true;
        }
        ObjectNode request = JSON.createObjectNode().put("body", c.body()).put("signature", c.signature())
                .put("previousTreeSize", previous);
        List<byte[]> proof = previous > 0 && previous < c.treeSize()
                ? checkpoints.tree().consistencyProof(previous, c.treeSize()) : List.of();
        proof.forEach(h -> request.withArray("consistency").add(HexFormat.of().formatHex(h)));
        try {
            FederationResponse answer = client.send("parent", MessageKind.EVIDENCE_CHECKPOINT,
                    UUID.randomUUID().toString(), request.toString().getBytes(StandardCharsets.UTF_8));
            JsonNode body = JSON.readTree(answer.message().body());
            if (!answer.successful()) {
                log.warn("the parent refused to cosign checkpoint {}: {}", c.treeSize(), body);
                return false;
            }
            List<String> witnessChain = new ArrayList<>();
            body.path("certificates").forEach(cert -> witnessChain.add(cert.asText()));
            jdbc.update("INSERT INTO evidence_cosignature (tree_size, witness, signature, signed_at, witness_chain)"
                            + " VALUES (?, ?, ?, ?, ?)", c.treeSize(), answer.message().signer().id().hex(),
                    body.get("signature").asText(), Timestamp.from(clock.instant()), String.join(",", witnessChain));
            return true;
        } catch (FederationException | IOException | DuplicateKeyException e) {
            log.warn("checkpoint {} not cosigned: {}", c.treeSize(), e.getMessage());
            return false;
        }
    }

    List<Map<String, String>> cosignatures(long treeSize) {
        return jdbc.query("SELECT witness, signature FROM evidence_cosignature WHERE tree_size = ? ORDER BY witness",
                (rs, n) -> Map.of("witness", rs.getString(1), "signature", rs.getString(2)), treeSize);
    }

    /** Cosignatures of that checkpoint with the witnesses' certificate chains, for receipts. */
    List<Receipts.Cosignature> cosignaturesWithChains(long treeSize) {
        return jdbc.query("SELECT witness, signature, witness_chain FROM evidence_cosignature WHERE tree_size = ?"
                + " ORDER BY witness", (rs, n) -> new Receipts.Cosignature(rs.getString(1), rs.getString(2),
                rs.getString(3) == null || rs.getString(3).isEmpty() ? List.of() : List.of(rs.getString(3).split(","))),
                treeSize);
    }

    /** The smallest cosigned tree that contains the leaf. */
    Optional<Long> smallestCosignedAbove(long leafIndex) {
        return jdbc.queryForList("SELECT MIN(tree_size) FROM evidence_cosignature WHERE tree_size > ?", Long.class,
                leafIndex).stream().filter(java.util.Objects::nonNull).findFirst();
    }

    /** The largest cosigned tree size, 0 when the parent has cosigned nothing. */
    long cosignedSize() {
        return jdbc.queryForObject("SELECT COALESCE(MAX(tree_size), 0) FROM evidence_cosignature", Long.class);
    }

    // ------------------------------------------------------------------ parent side

    Map<String, Object> witness(VerifiedMessage message) {
        if (children.flatMap(c -> c.regionOf(message.signer().id())).isEmpty()) {
            throw new SealException(NOT_A_CHILD, 403, "only a registered lower system's log is witnessed here");
        }
        JsonNode request;
        String body;
        byte[] signature;
        try {
            request = JSON.readTree(message.body());
            body = request.get("body").asText();
            signature = Base64.getDecoder().decode(request.get("signature").asText());
        } catch (IOException | RuntimeException e) {
            throw SealException.badRequest(INVALID, "not an evidence.checkpoint/1 body");
        }
        JsonNode fields;
        try {
            fields = JSON.readTree(body);
        } catch (IOException e) {
            throw SealException.badRequest(INVALID, "the checkpoint body is not JSON");
        }
        String logId = fields.path("logId").asText();
        long size = fields.path("treeSize").asLong(-1);
        String root = fields.path("rootHash").asText();
        Instant timestamp;
        try {
            timestamp = Instant.parse(fields.path("timestamp").asText());
        } catch (RuntimeException e) {
            throw SealException.badRequest(INVALID, "the checkpoint has no timestamp");
        }
        if (!logId.equals(message.signer().id().hex()) || size < 0 || !root.matches("[0-9a-f]{64}")
                || !body.equals(Checkpoints.body(logId, size, root, timestamp))) {
            throw SealException.badRequest(INVALID, "the checkpoint is not the sender's log in the documented form");
        }
        boolean signed;
        try {
            signed = Sm2.verify(message.signer().publicKey(), body.getBytes(StandardCharsets.US_ASCII), signature);
        } catch (RuntimeException e) {
            signed = false;
        }
        if (!signed) {
            throw SealException.badRequest(INVALID, "the checkpoint's signature does not verify");
        }
        Optional<String[]> witnessed = jdbc.query("SELECT tree_size, root_hash FROM evidence_witnessed WHERE log_id = ?",
                (rs, n) -> new String[] {rs.getString(1), rs.getString(2)}, logId).stream().findFirst();
        if (witnessed.isPresent()) {
            long before = Long.parseLong(witnessed.get()[0]);
            String beforeRoot = witnessed.get()[1];
            if (size < before) {
                throw alarm(logId, ROLLBACK, "checkpoint of size " + size + " after a witnessed size " + before);
            }
            boolean consistent;
            if (size == before) {
                consistent = root.equals(beforeRoot);
            } else {
                List<byte[]> proof = new ArrayList<>();
                request.path("consistency").forEach(h -> proof.add(HexFormat.of().parseHex(h.asText())));
                consistent = request.path("previousTreeSize").asLong(-1) == before && MerkleProofs.verifyConsistency(
                        before, size, proof, HexFormat.of().parseHex(beforeRoot), HexFormat.of().parseHex(root));
            }
            if (!consistent) {
                throw alarm(logId, INCONSISTENT, "tree of size " + size + " (root " + root + ") does not extend the"
                        + " witnessed tree of size " + before + " (root " + beforeRoot + ")");
            }
            jdbc.update("UPDATE evidence_witnessed SET tree_size = ?, root_hash = ?, witnessed_at = ? WHERE log_id = ?",
                    size, root, Timestamp.from(clock.instant()), logId);
        } else {
            jdbc.update("INSERT INTO evidence_witnessed (log_id, tree_size, root_hash, witnessed_at) VALUES (?, ?, ?,"
                    + " ?)", logId, size, root, Timestamp.from(clock.instant()));
        }
        byte[] cosignature = device.sign(key, Sm2.digest(device.exportSignPublicKey(key),
                body.getBytes(StandardCharsets.US_ASCII)));
        return Map.of("logId", logId, "treeSize", size, "witness", SignerId.of(device.exportSignPublicKey(key)).hex(),
                "signature", Base64.getEncoder().encodeToString(cosignature), "certificates", chain.get());
    }

    /** Recorded outside any transaction, so the alarm stays when the refusal is answered. */
    private SealException alarm(String logId, String code, String detail) {
        jdbc.update("INSERT INTO evidence_witness_alarm (id, log_id, code, detail, raised_at) VALUES (?, ?, ?, ?, ?)",
                UUID.randomUUID().toString(), logId, code, detail.substring(0, Math.min(500, detail.length())),
                Timestamp.from(clock.instant()));
        log.error("evidence witness alarm for log {}: {} {}", logId, code, detail);
        return new SealException(code, 409, detail);
    }
}
