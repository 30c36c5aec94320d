package cn.hrss.seal.evidence;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.LongStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which leaf records a document, found from the document's SM3 alone. Every leaf stores the lookup keys of its
 * documents beside it ({@code evidence_leaf.document_keys}, 8 bytes each: the first 8 bytes of the SM3); the
 * searchable index ({@code evidence_document_key}) is filled from them later, in batches sorted by key, up to a
 * watermark ({@code evidence_index_head}). A batch signing records hundreds of documents a second: inserted one
 * signing at a time, each random key dirtied another page of a large B-tree and the embedded database read and
 * rewrote a page per key (docs/PERFORMANCE.md section 3); sorted in a batch, neighbouring keys share their pages.
 *
 * <p>A lookup reads the leaves above the watermark first (they are the newest), then the index, then the rows of
 * the index from before V9_7. Two documents can share a key: a leaf counts only if it names the full SM3.
 */
class DocumentIndex {
    static final int KEY_BYTES = Long.BYTES;
    private static final int LEAVES_PER_READ = 1_000;
    private static final int ROWS_PER_STATEMENT = 500;
    private static final Comparator<Entry> KEY_ORDER = Comparator.comparingLong(Entry::key)
            .thenComparingLong(Entry::leaf);
    private static final Logger log = LoggerFactory.getLogger(DocumentIndex.class);
    private final JdbcTemplate jdbc;
    private final LeafStore leaves;

    DocumentIndex(JdbcTemplate jdbc, LeafStore leaves) {
        this.jdbc = jdbc;
        this.leaves = leaves;
    }

    /** One row of the index: a document's lookup key and a leaf that records it. */
    private record Entry(long key, long leaf) {
    }

    /** The first 8 bytes of a document's SM3 as a number: the lookup key of a document. */
    static long documentKey(String documentSm3) {
        if (!isSm3Hex(documentSm3)) {
            throw new IllegalArgumentException("a document is named by its SM3 in 64 hex digits");
        }
        return Long.parseUnsignedLong(documentSm3.substring(0, 16), 16);
    }

    /** The distinct lookup keys of these documents, 8 bytes each, as a leaf stores them; null for none. */
    static byte[] keysOf(Collection<String> documentSm3) {
        long[] keys = documentSm3.stream().mapToLong(DocumentIndex::documentKey).distinct().toArray();
        if (keys.length == 0) {
            return null;
        }
        ByteBuffer out = ByteBuffer.allocate(keys.length * KEY_BYTES);
        for (long key : keys) {
            out.putLong(key);
        }
        return out.array();
    }

    /** The newest leaf recording that document. */
    Optional<Long> leafOf(String documentSm3) {
        if (!isSm3Hex(documentSm3)) {
            return Optional.empty();
        }
        String sm3 = documentSm3.toLowerCase(Locale.ROOT);
        long key = documentKey(sm3);
        // leaves not yet in the index first: newer than every indexed one
        List<Long> pending = jdbc.query("SELECT idx, document_keys FROM evidence_leaf WHERE idx >= ? "
                        + "AND document_keys IS NOT NULL ORDER BY idx DESC",
                (rs, n) -> LongStream.of(keys(rs.getBytes(2))).anyMatch(k -> k == key) ? rs.getLong(1) : null,
                watermark());
        Optional<Long> found = newestNaming(pending, sm3);
        if (found.isEmpty()) {
            found = newestNaming(jdbc.queryForList("SELECT leaf_idx FROM evidence_document_key "
                    + "WHERE document_key = ? ORDER BY leaf_idx DESC", Long.class, key), sm3);
        }
        if (found.isPresent()) {
            return found;
        }
        // leaves indexed before V9_7
        return jdbc.queryForList("SELECT MAX(leaf_idx) FROM evidence_document WHERE document_sm3 = ?", Long.class,
                sm3).stream().filter(Objects::nonNull).findFirst();
    }

    /**
     * Moves the keys of the leaves above the watermark into the index, sorted, and raises the watermark; one
     * instance at a time (the watermark row is locked). Leaves below the log's committed size are all committed:
     * appends are serialised and move the size in their own transaction.
     *
     * @return how many leaves were indexed
     */
    @Transactional
    public long flush() {
        long from = jdbc.queryForObject("SELECT indexed_below FROM evidence_index_head WHERE id = 1 FOR UPDATE",
                Long.class);
        long to = leaves.size();
        if (to <= from) {
            return 0;
        }
        List<Entry> entries = new ArrayList<>();
        for (long at = from; at < to; at += LEAVES_PER_READ) {
            jdbc.query("SELECT idx, document_keys FROM evidence_leaf WHERE idx >= ? AND idx < ? "
                    + "AND document_keys IS NOT NULL", rs -> {
                        long leaf = rs.getLong(1);
                        for (long key : keys(rs.getBytes(2))) {
                            entries.add(new Entry(key, leaf));
                        }
                    }, at, Math.min(to, at + LEAVES_PER_READ));
        }
        long started = System.nanoTime();
        entries.sort(KEY_ORDER);
        insert(entries);
        jdbc.update("UPDATE evidence_index_head SET indexed_below = ? WHERE id = 1", to);
        log.debug("document index: leaves {}..{} with {} keys in {} ms", from, to - 1, entries.size(),
                (System.nanoTime() - started) / 1_000_000);
        return to - from;
    }

    /** Leaves recorded but not yet in the index. */
    long pending() {
        return leaves.size() - watermark();
    }

    private long watermark() {
        return jdbc.queryForObject("SELECT indexed_below FROM evidence_index_head WHERE id = 1", Long.class);
    }

    /** Inserts the entries in their order, in multi-row statements. */
    private void insert(List<Entry> entries) {
        for (int from = 0; from < entries.size(); from += ROWS_PER_STATEMENT) {
            List<Entry> rows = entries.subList(from, Math.min(entries.size(), from + ROWS_PER_STATEMENT));
            Object[] args = new Object[2 * rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                args[2 * i] = rows.get(i).key();
                args[2 * i + 1] = rows.get(i).leaf();
            }
            jdbc.update("INSERT INTO evidence_document_key (document_key, leaf_idx) VALUES "
                    + String.join(", ", Collections.nCopies(rows.size(), "(?, ?)")), args);
        }
    }

    /** The lookup keys a leaf row stores, 8 bytes each. */
    private static long[] keys(byte[] stored) {
        ByteBuffer in = ByteBuffer.wrap(stored);
        long[] keys = new long[stored.length / KEY_BYTES];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = in.getLong();
        }
        return keys;
    }

    /** The first of these leaves (newest first; nulls skipped) whose text names the full SM3. */
    private Optional<Long> newestNaming(List<Long> candidates, String sm3) {
        return candidates.stream().filter(Objects::nonNull)
                .filter(index -> leaves.leaf(index).map(l -> new String(l, StandardCharsets.US_ASCII).contains(sm3))
                        .orElse(false))
                .findFirst();
    }

    /** 64 hex digits (checked for every digest of a batch on the signing path, so without a regular expression). */
    private static boolean isSm3Hex(String text) {
        if (text == null || text.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }
}
