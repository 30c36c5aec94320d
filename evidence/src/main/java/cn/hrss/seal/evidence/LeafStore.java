package cn.hrss.seal.evidence;

import cn.hrss.seal.core.merkle.MerkleHashes;
import cn.hrss.seal.core.merkle.SubtreeHashes;
import cn.hrss.seal.core.merkle.SubtreeHashes.Position;
import cn.hrss.seal.evidence.api.EvidenceLog;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
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
    private static final int INDEX_ROWS_PER_STATEMENT = 100;
    // compiled once: every digest of a batch signing is checked on the signing path
    private static final java.util.regex.Pattern SM3_HEX = java.util.regex.Pattern.compile("[0-9a-fA-F]{64}");
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
            rows.add(new Object[] {first + i, HexFormat.of().formatHex(hash), leaves.get(i), now});
        }
        jdbc.batchUpdate("INSERT INTO evidence_leaf (idx, leaf_hash, leaf, appended_at) VALUES (?, ?, ?, ?)", rows);
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

    /**
     * Notes which documents (by SM3, 64 hex digits) a leaf records, so a receipt can be found from the document
     * alone; keyed by {@link #documentKey}, in multi-row statements (a batch signing indexes hundreds of digests).
     */
    void indexDocuments(long index, java.util.Collection<String> documentSm3) {
        List<Long> keys = documentSm3.stream().map(LeafStore::documentKey).distinct().toList();
        for (int from = 0; from < keys.size(); from += INDEX_ROWS_PER_STATEMENT) {
            List<Long> rows = keys.subList(from, Math.min(keys.size(), from + INDEX_ROWS_PER_STATEMENT));
            Object[] args = new Object[2 * rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                args[2 * i] = rows.get(i);
                args[2 * i + 1] = index;
            }
            jdbc.update("INSERT INTO evidence_document_key (document_key, leaf_idx) VALUES "
                    + String.join(", ", java.util.Collections.nCopies(rows.size(), "(?, ?)")), args);
        }
    }

    private static boolean isSm3Hex(String text) {
        return text != null && SM3_HEX.matcher(text).matches();
    }

    /** The first 8 bytes of a document's SM3 as a number: the lookup key of {@code evidence_document_key}. */
    static long documentKey(String documentSm3) {
        if (!isSm3Hex(documentSm3)) {
            throw new IllegalArgumentException("a document is named by its SM3 in 64 hex digits");
        }
        return Long.parseUnsignedLong(documentSm3.substring(0, 16), 16);
    }

    /** The newest leaf recording that document. */
    Optional<Long> leafOfDocument(String documentSm3) {
        if (!isSm3Hex(documentSm3)) {
            return Optional.empty();
        }
        String sm3 = documentSm3.toLowerCase(java.util.Locale.ROOT);
        // a key can be shared by other documents: the leaf itself names the full SM3
        for (Long index : jdbc.queryForList("SELECT leaf_idx FROM evidence_document_key WHERE document_key = ? "
                + "ORDER BY leaf_idx DESC", Long.class, documentKey(sm3))) {
            if (leaf(index).map(l -> new String(l, java.nio.charset.StandardCharsets.US_ASCII).contains(sm3))
                    .orElse(false)) {
                return Optional.of(index);
            }
        }
        // leaves indexed before V9_7
        return jdbc.queryForList("SELECT MAX(leaf_idx) FROM evidence_document WHERE document_sm3 = ?", Long.class,
                sm3).stream().filter(java.util.Objects::nonNull).findFirst();
    }

    Optional<Long> indexOf(String leafHashHex, long treeSize) {
        return jdbc.queryForList("SELECT idx FROM evidence_leaf WHERE leaf_hash = ? AND idx < ? ORDER BY idx LIMIT 1",
                Long.class, leafHashHex, treeSize).stream().findFirst();
    }
}
