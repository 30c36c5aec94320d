package cn.hrss.seal.evidence;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
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
 * searchable index is filled from them later, in the background, up to a watermark ({@code evidence_index_head}):
 * each fill writes the keys of the leaves since the last one as a sorted run, and runs are merged level by level
 * ({@link KeyRuns}). A batch signing records hundreds of documents a second: inserted into a B-tree, each random key
 * read and rewrote a page once the index outgrew the embedded database's cache (docs/PERFORMANCE.md section 3).
 *
 * <p>A lookup reads the leaves above the watermark first (they are the newest), then the runs, then the rows of the
 * B-tree index of V9_7/V9_8 and of the index from before V9_7. Two documents can share a key: a leaf counts only if
 * it names the full SM3.
 */
class DocumentIndex {
    static final int KEY_BYTES = Long.BYTES;
    private static final int LEAVES_PER_READ = 1_000;
    /** A lookup that raced this many merges reads the runs again no more. */
    private static final int READ_ATTEMPTS = 5;
    private static final Logger log = LoggerFactory.getLogger(DocumentIndex.class);
    private final JdbcTemplate jdbc;
    private final LeafStore leaves;
    private final KeyRuns runs;

    DocumentIndex(JdbcTemplate jdbc, LeafStore leaves) {
        this(jdbc, leaves, new KeyRuns(jdbc));
    }

    DocumentIndex(JdbcTemplate jdbc, LeafStore leaves, KeyRuns runs) {
        this.jdbc = jdbc;
        this.leaves = leaves;
        this.runs = runs;
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
            found = newestNaming(fromRuns(key), sm3);
        }
        if (found.isEmpty()) { // filled before V9_9
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
     * Writes the keys of the leaves above the watermark as a new run of sorted entries and raises the watermark; one
     * instance at a time (the watermark row is locked). Leaves below the log's committed size are all committed:
     * appends are serialised and move the size in their own transaction.
     *
     * @return how many leaves were indexed
     */
    @Transactional
    public long flush() {
        long from = lockHead();
        long to = leaves.size();
        if (to <= from) {
            return 0;
        }
        List<KeyRuns.Entry> entries = entriesOf(from, to);
        long started = System.nanoTime();
        entries.sort(KeyRuns.ORDER);
        runs.write(0, from, to, entries.iterator());
        jdbc.update("UPDATE evidence_index_head SET indexed_below = ? WHERE id = 1", to);
        log.debug("document index: leaves {}..{} with {} keys in {} ms", from, to - 1, entries.size(),
                (System.nanoTime() - started) / 1_000_000);
        return to - from;
    }

    /**
     * Merges the runs of one level that has {@link KeyRuns#FANOUT} of them into one run of the next level.
     *
     * @return whether there was such a level (call again until false)
     */
    @Transactional
    public boolean compact() {
        lockHead();
        List<KeyRuns.Run> level = runs.mergeable();
        if (level.isEmpty()) {
            return false;
        }
        long started = System.nanoTime();
        KeyRuns.Run merged = runs.merge(level);
        // lookups that listed the runs before this commit read them again
        jdbc.update("UPDATE evidence_index_head SET generation = generation + 1 WHERE id = 1");
        log.debug("document index: {} runs of level {} merged into run {} ({} entries) in {} ms", level.size(),
                level.get(0).level(), merged.id(), merged.entries(), (System.nanoTime() - started) / 1_000_000);
        return true;
    }

    /** The (key, leaf) entries that the leaves [from, to) store, in leaf order. */
    List<KeyRuns.Entry> entriesOf(long from, long to) {
        List<KeyRuns.Entry> entries = new ArrayList<>();
        for (long at = from; at < to; at += LEAVES_PER_READ) {
            jdbc.query("SELECT idx, document_keys FROM evidence_leaf WHERE idx >= ? AND idx < ? "
                    + "AND document_keys IS NOT NULL", rs -> {
                        long leaf = rs.getLong(1);
                        for (long key : keys(rs.getBytes(2))) {
                            entries.add(new KeyRuns.Entry(key, leaf));
                        }
                    }, at, Math.min(to, at + LEAVES_PER_READ));
        }
        return entries;
    }

    /** Leaves recorded but not yet in the index. */
    long pending() {
        return leaves.size() - watermark();
    }

    private long watermark() {
        return jdbc.queryForObject("SELECT indexed_below FROM evidence_index_head WHERE id = 1", Long.class);
    }

    /** The leaves the runs record under this key, newest first; read again if a merge retired a run meanwhile. */
    private List<Long> fromRuns(long key) {
        List<Long> found = new ArrayList<>();
        for (int attempt = 1; attempt <= READ_ATTEMPTS; attempt++) {
            long generation = generation();
            found.clear();
            for (KeyRuns.Run run : runs.all()) {
                found.addAll(runs.leavesOf(run, key));
            }
            if (generation() == generation) {
                break;
            }
        }
        found.sort(Comparator.reverseOrder());
        return found;
    }

    private long lockHead() {
        return jdbc.queryForObject("SELECT indexed_below FROM evidence_index_head WHERE id = 1 FOR UPDATE", Long.class);
    }

    private long generation() {
        return jdbc.queryForObject("SELECT generation FROM evidence_index_head WHERE id = 1", Long.class);
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
