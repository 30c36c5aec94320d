package cn.hrss.seal.evidence;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
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
    private static final Logger log = LoggerFactory.getLogger(DocumentIndex.class);
    private final JdbcTemplate jdbc;

    DocumentIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
        long watermark = watermark();
        // leaves not yet in the index: newer than every indexed one
        List<Long> pending = jdbc.query("SELECT idx, document_keys FROM evidence_leaf WHERE idx >= ? "
                        + "AND document_keys IS NOT NULL ORDER BY idx DESC",
                (rs, n) -> contains(rs.getBytes(2), key) ? rs.getLong(1) : null, watermark);
        List<Long> indexed = jdbc.queryForList("SELECT leaf_idx FROM evidence_document_key WHERE document_key = ? "
                + "ORDER BY leaf_idx DESC", Long.class, key);
        for (List<Long> candidates : List.of(pending, indexed)) {
            for (Long index : candidates) {
                if (index != null && names(index, sm3)) {
                    return Optional.of(index);
                }
            }
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
        long to = jdbc.queryForObject("SELECT size FROM evidence_head WHERE id = 1", Long.class);
        if (to <= from) {
            return 0;
        }
        long[] pairs = new long[0];
        int count = 0;
        for (long at = from; at < to; at += LEAVES_PER_READ) {
            List<long[]> rows = jdbc.query("SELECT idx, document_keys FROM evidence_leaf WHERE idx >= ? AND idx < ? "
                    + "AND document_keys IS NOT NULL", (rs, n) -> pairsOf(rs.getLong(1), rs.getBytes(2)),
                    at, Math.min(to, at + LEAVES_PER_READ));
            for (long[] leafPairs : rows) {
                if (count + leafPairs.length > pairs.length) {
                    pairs = Arrays.copyOf(pairs, Math.max(2 * pairs.length, count + leafPairs.length));
                }
                System.arraycopy(leafPairs, 0, pairs, count, leafPairs.length);
                count += leafPairs.length;
            }
        }
        long started = System.nanoTime();
        insertSorted(pairs, count / 2);
        jdbc.update("UPDATE evidence_index_head SET indexed_below = ? WHERE id = 1", to);
        log.debug("document index: leaves {}..{} with {} keys in {} ms", from, to - 1, count / 2,
                (System.nanoTime() - started) / 1_000_000);
        return to - from;
    }

    /** Leaves recorded but not yet in the index. */
    long pending() {
        return jdbc.queryForObject("SELECT size FROM evidence_head WHERE id = 1", Long.class) - watermark();
    }

    private long watermark() {
        return jdbc.queryForObject("SELECT indexed_below FROM evidence_index_head WHERE id = 1", Long.class);
    }

    /** Inserts (key, leaf) pairs ordered by key, then leaf. */
    private void insertSorted(long[] pairs, int n) {
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        long[] p = pairs;
        Arrays.sort(order, (a, b) -> {
            int byKey = Long.compare(p[2 * a], p[2 * b]);
            return byKey != 0 ? byKey : Long.compare(p[2 * a + 1], p[2 * b + 1]);
        });
        for (int from = 0; from < n; from += ROWS_PER_STATEMENT) {
            int rows = Math.min(ROWS_PER_STATEMENT, n - from);
            Object[] args = new Object[2 * rows];
            for (int i = 0; i < rows; i++) {
                args[2 * i] = pairs[2 * order[from + i]];
                args[2 * i + 1] = pairs[2 * order[from + i] + 1];
            }
            jdbc.update("INSERT INTO evidence_document_key (document_key, leaf_idx) VALUES "
                    + String.join(", ", Collections.nCopies(rows, "(?, ?)")), args);
        }
    }

    private static long[] pairsOf(long leaf, byte[] keys) {
        ByteBuffer in = ByteBuffer.wrap(keys);
        long[] pairs = new long[2 * (keys.length / KEY_BYTES)];
        for (int i = 0; i < pairs.length; i += 2) {
            pairs[i] = in.getLong();
            pairs[i + 1] = leaf;
        }
        return pairs;
    }

    private static boolean contains(byte[] keys, long key) {
        ByteBuffer in = ByteBuffer.wrap(keys);
        while (in.remaining() >= KEY_BYTES) {
            if (in.getLong() == key) {
                return true;
            }
        }
        return false;
    }

    private boolean names(long index, String sm3) {
        return jdbc.query("SELECT leaf FROM evidence_leaf WHERE idx = ?", (rs, n) -> rs.getBytes(1), index).stream()
                .findFirst().map(l -> new String(l, StandardCharsets.US_ASCII).contains(sm3)).orElse(false);
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
