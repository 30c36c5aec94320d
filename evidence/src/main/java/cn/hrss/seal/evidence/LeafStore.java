package cn.hrss.seal.evidence;

import cn.hrss.seal.core.merkle.MerkleHashes;
import cn.hrss.seal.core.merkle.SubtreeHashes;
import cn.hrss.seal.core.merkle.SubtreeHashes.Position;
import cn.hrss.seal.evidence.api.EvidenceLog;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leaves in index order without gaps: an append locks the head row, takes its size as the new index and moves it on,
 * in the caller's transaction (a rolled-back signing leaves no leaf and no gap). With the leaves it stores the
 * complete subtrees they close ({@link StoredTree}). Leaves and subtrees are never updated or deleted.
 */
class LeafStore implements EvidenceLog {
    static final int MAX_LEAF = 16 * 1024;
    private static final int CHUNK = 10_000;
    private static final Logger log = LoggerFactory.getLogger(LeafStore.class);
    private final JdbcTemplate jdbc;
    private final StoredTree tree;
    private final Clock clock;

    LeafStore(JdbcTemplate jdbc, StoredTree tree, Clock clock) {
        this.jdbc = jdbc;
        this.tree = tree;
        this.clock = clock;
    }

    @Override
    @Transactional
    public long append(byte[] leaf) {
        return appendAll(List.of(leaf));
    }

    @Override
    @Transactional
    public long appendAll(List<byte[]> leaves) {
        return appendAll(leaves, Collections.nCopies(leaves.size(), null));
    }

    /**
     * Appends leaves with the lookup keys of the documents each records ({@link DocumentIndex#keysOf}, null for
     * none), kept in the leaf's row until {@link DocumentIndex#flush} moves them into the index.
     */
    @Transactional
    public long appendAll(List<byte[]> leaves, List<byte[]> documentKeys) {
        if (documentKeys.size() != leaves.size()) {
            throw new IllegalArgumentException("one list of document keys per leaf");
        }
        for (byte[] leaf : leaves) {
            if (leaf == null || leaf.length == 0 || leaf.length > MAX_LEAF) {
                throw new IllegalArgumentException("an evidence leaf is 1.." + MAX_LEAF + " bytes");
            }
        }
        long first = lockedSize();
        if (leaves.isEmpty()) {
            return first;
        }
        List<byte[]> hashes = new ArrayList<>(leaves.size());
        List<Object[]> rows = new ArrayList<>(leaves.size());
        Timestamp now = Timestamp.from(clock.instant());
        for (int i = 0; i < leaves.size(); i++) {
            byte[] hash = MerkleHashes.leaf(leaves.get(i));
            hashes.add(hash);
            rows.add(new Object[] {first + i, HexFormat.of().formatHex(hash), leaves.get(i), now, documentKeys.get(i)});
        }
        jdbc.batchUpdate("INSERT INTO evidence_leaf (idx, leaf_hash, leaf, appended_at, document_keys) "
                + "VALUES (?, ?, ?, ?, ?)", rows, new int[] {Types.BIGINT, Types.CHAR, Types.BINARY, Types.TIMESTAMP,
                Types.BINARY});
        storeNodes(first, hashes);
        jdbc.update("UPDATE evidence_head SET size = ? WHERE id = 1", first + leaves.size());
        return first;
    }

    /** Stores the subtrees that the leaf hashes appended at {@code first} close, reading the left siblings once. */
    private void storeNodes(long first, List<byte[]> hashes) {
        long end = first + hashes.size();
        // only the frontier subtrees that these leaves complete are read: a single append mostly reads none
        List<Position> read = SubtreeHashes.frontier(first).stream()
                .filter(p -> end >> (p.level() + 1) != first >> (p.level() + 1)).toList();
        Map<Position, byte[]> left = tree.load(read);
        List<Object[]> rows = SubtreeHashes.append(first, hashes, (level, index) -> StoredTree.get(left, level, index))
                .stream().map(n -> new Object[] {n.level(), n.index(), HexFormat.of().formatHex(n.hash())}).toList();
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO evidence_node (level, idx, hash) VALUES (?, ?, ?)", rows);
        }
    }

    /**
     * Computes the subtrees of a log that has leaves from before they were stored (migration V9_3), once: when the
     * frontier of the current size is there, appends have kept them all.
     */
    @Transactional
    public void completeNodes() {
        long size = lockedSize();
        List<Position> frontier = SubtreeHashes.frontier(size).stream().filter(p -> p.level() > 0).toList();
        if (tree.load(frontier).size() == frontier.size()) {
            return;
        }
        log.info("evidence log: computing the complete subtree hashes of {} leaves", size);
        jdbc.update("DELETE FROM evidence_node");
        for (long done = 0; done < size; ) {
            long to = Math.min(size, done + CHUNK);
            List<byte[]> hashes = jdbc.query("SELECT leaf_hash FROM evidence_leaf WHERE idx >= ? AND idx < ?"
                    + " ORDER BY idx", (rs, n) -> HexFormat.of().parseHex(rs.getString(1)), done, to);
            if (hashes.size() != to - done) {
                throw new IllegalStateException("evidence leaves from " + done + " are missing");
            }
            storeNodes(done, hashes);
            done += hashes.size();
        }
    }

    private long lockedSize() {
        return jdbc.queryForObject("SELECT size FROM evidence_head WHERE id = 1 FOR UPDATE", Long.class);
    }

    long size() {
        return jdbc.queryForObject("SELECT size FROM evidence_head WHERE id = 1", Long.class);
    }

    Optional<byte[]> leaf(long index) {
        return jdbc.query("SELECT leaf FROM evidence_leaf WHERE idx = ?", (rs, n) -> rs.getBytes(1), index).stream()
                .findFirst();
    }

    Optional<Long> indexOf(String leafHashHex, long treeSize) {
        return jdbc.queryForList("SELECT idx FROM evidence_leaf WHERE leaf_hash = ? AND idx < ? ORDER BY idx LIMIT 1",
                Long.class, leafHashHex, treeSize).stream().findFirst();
    }
}
