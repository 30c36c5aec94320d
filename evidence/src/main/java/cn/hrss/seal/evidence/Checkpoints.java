package cn.hrss.seal.evidence;

import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.device.KeyRef;
import cn.hrss.seal.core.device.Sm2PublicKey;
import cn.hrss.seal.core.message.SignerId;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Signed tree heads. The signed bytes are the checkpoint body, US-ASCII JSON with exactly these fields in this order
 * and no white space: {@code {"format":1,"logId":"<hex>","treeSize":N,"rootHash":"<hex>","timestamp":"<ISO-8601>"}};
 * the signature is SM3withSM2 (default user id) by the node's system key, whose signer id is the log id.
 */
final class Checkpoints {
    private final LeafStore leaves;
    private final StoredTree tree;
    private final JdbcTemplate jdbc;
    private final CipherDevice device;
    private final KeyRef key;
    private final Sm2PublicKey publicKey;
    private final Clock clock;

    Checkpoints(LeafStore leaves, StoredTree tree, JdbcTemplate jdbc, CipherDevice device, KeyRef key, Clock clock) {
        this.leaves = leaves;
        this.tree = tree;
        this.jdbc = jdbc;
        this.device = device;
        this.key = key;
        this.publicKey = device.exportSignPublicKey(key);
        this.clock = clock;
    }

    record Checkpoint(long treeSize, String rootHash, Instant timestamp, String body, String signature,
                      String signer) {
    }

    String logId() {
        return SignerId.of(publicKey).hex();
    }

    /** Signs a new checkpoint when the log grew since the last one; returns the latest either way. */
    Checkpoint checkpoint() {
        long size = leaves.size();
        Optional<Checkpoint> latest = latest();
        if (latest.isPresent() && latest.get().treeSize() == size) {
            return latest.get();
        }
        byte[] root = tree.root(size);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String rootHex = HexFormat.of().formatHex(root);
        String body = body(logId(), size, rootHex, now);
        byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);
        String signature = Base64.getEncoder().encodeToString(device.sign(key, Sm2.digest(publicKey, bytes)));
        try {
            jdbc.update("INSERT INTO evidence_checkpoint (tree_size, root_hash, signed_at, body, signature, signer)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", size, rootHex, Timestamp.from(now), body, signature, logId());
        } catch (DuplicateKeyException concurrent) {
            return latest().orElseThrow();
        }
        return new Checkpoint(size, rootHex, now, body, signature, logId());
    }

    Optional<Checkpoint> latest() {
        return jdbc.query("SELECT * FROM evidence_checkpoint ORDER BY tree_size DESC LIMIT 1", Checkpoints::row)
                .stream().findFirst();
    }

    Optional<Checkpoint> at(long treeSize) {
        return jdbc.query("SELECT * FROM evidence_checkpoint WHERE tree_size = ?", Checkpoints::row, treeSize)
                .stream().findFirst();
    }

    /** The newest checkpoints first, for the operator view. */
    List<Checkpoint> history(int limit) {
        return jdbc.query("SELECT * FROM evidence_checkpoint ORDER BY tree_size DESC LIMIT ?", Checkpoints::row, limit);
    }

    private static Checkpoint row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Checkpoint(rs.getLong("tree_size"), rs.getString("root_hash"),
                rs.getTimestamp("signed_at").toInstant(), rs.getString("body"), rs.getString("signature"),
                rs.getString("signer"));
    }

    static String body(String logId, long treeSize, String rootHash, Instant timestamp) {
        return "{\"format\":1,\"logId\":\"" + logId + "\",\"treeSize\":" + treeSize + ",\"rootHash\":\"" + rootHash
                + "\",\"timestamp\":\"" + timestamp + "\"}";
    }

    StoredTree tree() {
        return tree;
    }
}
