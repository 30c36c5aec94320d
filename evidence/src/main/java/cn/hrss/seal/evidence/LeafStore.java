package cn.hrss.seal.evidence;

import cn.hrss.seal.core.merkle.MerkleHashes;
import cn.hrss.seal.evidence.api.EvidenceLog;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leaves in index order without gaps: an append locks the head row, takes its size as the new index and moves it on,
 * in the caller's transaction (a rolled-back signing leaves no leaf and no gap). Leaves are never updated or deleted.
 */
class LeafStore implements EvidenceLog {
    static final int MAX_LEAF = 16 * 1024;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    LeafStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public long append(byte[] leaf) {
        if (leaf == null || leaf.length == 0 || leaf.length > MAX_LEAF) {
            throw new IllegalArgumentException("an evidence leaf is 1.." + MAX_LEAF + " bytes");
        }
        long index = jdbc.queryForObject("SELECT size FROM evidence_head WHERE id = 1 FOR UPDATE", Long.class);
        jdbc.update("INSERT INTO evidence_leaf (idx, leaf_hash, leaf, appended_at) VALUES (?, ?, ?, ?)", index,
                HexFormat.of().formatHex(MerkleHashes.leaf(leaf)), leaf, Timestamp.from(clock.instant()));
        jdbc.update("UPDATE evidence_head SET size = ? WHERE id = 1", index + 1);
        return index;
    }

    long size() {
        return jdbc.queryForObject("SELECT size FROM evidence_head WHERE id = 1", Long.class);
    }

    /** Leaf hashes 0..size-1, in order. */
    List<byte[]> leafHashes(long size) {
        return jdbc.query("SELECT leaf_hash FROM evidence_leaf WHERE idx < ? ORDER BY idx",
                (rs, n) -> HexFormat.of().parseHex(rs.getString(1)), size);
    }

    Optional<byte[]> leaf(long index) {
        return jdbc.query("SELECT leaf FROM evidence_leaf WHERE idx = ?", (rs, n) -> rs.getBytes(1), index).stream()
                .findFirst();
    }

    /** Notes which documents (by SM3) a leaf records, so a receipt can be found from the document alone. */
    void indexDocuments(long index, java.util.Collection<String> documentSm3) {
        for (String sm3 : new java.util.TreeSet<>(documentSm3)) {
            jdbc.update("INSERT INTO evidence_document (document_sm3, leaf_idx) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    sm3, index);
        }
    }

    /** The newest leaf recording that document. */
    Optional<Long> leafOfDocument(String documentSm3) {
        return jdbc.queryForList("SELECT MAX(leaf_idx) FROM evidence_document WHERE document_sm3 = ?", Long.class,
                documentSm3).stream().filter(java.util.Objects::nonNull).findFirst();
    }

    Optional<Long> indexOf(String leafHashHex, long treeSize) {
        return jdbc.queryForList("SELECT idx FROM evidence_leaf WHERE leaf_hash = ? AND idx < ? ORDER BY idx",
                Long.class, leafHashHex, treeSize).stream().findFirst();
    }
}
