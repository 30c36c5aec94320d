package cn.hrss.seal.evidence;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.PriorityQueue;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The document index as sorted runs (a log-structured merge index): every fill writes its (key, leaf) entries, sorted,
 * as one run of level 0; when a level holds {@link #FANOUT} runs they are merged into one run of the next level, up
 * to {@link #TOP_LEVEL}, whose runs stay. A run is stored as pages of {@link #PAGE_ENTRIES} entries or a few more
 * ({@code evidence_key_page}, 16 bytes each: key, leaf), keyed by the run and the page's last key; a key never spans
 * two pages, so one primary-key lookup per run finds every entry of a key. Writing costs a sequential 16 bytes per
 * entry and level, where a B-tree of random keys larger than the database's cache read and rewrote a page per key.
 *
 * <p>Callers hold the index head's row lock while they write or merge; readers take no lock and detect a merge that
 * retired a run they were reading by the head's generation ({@link DocumentIndex#leafOf}).
 */
class KeyRuns {
    /**
     * 1,920 bytes: a page row stays under PostgreSQL's TOAST threshold (about 2 KB), so it is stored in line; with
     * 16 KB pages most of PostgreSQL's fill and merge time went into out-of-line storage (docs/PERFORMANCE.md §3).
     */
    static final int PAGE_ENTRIES = 120;
    static final int FANOUT = 8;
    /** Runs of this level are not merged further: at most about FANOUT^TOP_LEVEL fills' entries per merge. */
    static final int TOP_LEVEL = 2;
    static final int ENTRY_BYTES = 2 * Long.BYTES;
    private static final int PAGES_PER_READ = 128;
    private static final int PAGES_PER_WRITE = 64;
    static final Comparator<Entry> ORDER = Comparator.comparingLong(Entry::key).thenComparingLong(Entry::leaf);
    private final JdbcTemplate jdbc;

    KeyRuns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One entry of the index: a document's lookup key and a leaf that records it. */
    record Entry(long key, long leaf) {
    }

    /** A run: its level and the leaves [firstLeaf, endLeaf) whose keys it holds. */
    record Run(long id, int level, long firstLeaf, long endLeaf, long entries) {
    }

    /** Every run, newest leaves first. */
    List<Run> all() {
        return jdbc.query("SELECT run_id, level, first_leaf, end_leaf, entries FROM evidence_key_run "
                        + "ORDER BY end_leaf DESC, level",
                (rs, n) -> new Run(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
    }

    /**
     * Writes entries given in {@link #ORDER} as a new run.
     *
     * @return the run, or empty when there were no entries
     */
    Optional<Run> write(int level, long firstLeaf, long endLeaf, Iterator<Entry> sorted) {
        if (!sorted.hasNext()) {
            return Optional.empty();
        }
        long id = jdbc.queryForObject("SELECT COALESCE(MAX(run_id), 0) + 1 FROM evidence_key_run", Long.class);
        ByteBuffer page = ByteBuffer.allocate((PAGE_ENTRIES + 64) * ENTRY_BYTES);
        List<Object[]> pages = new ArrayList<>(PAGES_PER_WRITE);
        long entries = 0;
        Entry previous = null;
        while (sorted.hasNext()) {
            Entry entry = sorted.next();
            if (previous != null && ORDER.compare(previous, entry) >= 0) {
                throw new IllegalArgumentException("run entries must be distinct and in key order");
            }
            // a page ends only where the key changes, so that a key is on one page
            boolean full = page.position() >= PAGE_ENTRIES * ENTRY_BYTES;
            if (full && previous.key() != entry.key()) {
                pages.add(page(id, previous.key(), page));
                if (pages.size() == PAGES_PER_WRITE) {
                    insert(pages);
                }
            }
            if (!page.hasRemaining()) { // a key shared by very many leaves: grow the page
                page = ByteBuffer.allocate(page.capacity() * 2).put(page.flip());
            }
            page.putLong(entry.key()).putLong(entry.leaf());
            previous = entry;
            entries++;
        }
        pages.add(page(id, previous.key(), page));
        insert(pages);
        jdbc.update("INSERT INTO evidence_key_run (run_id, level, first_leaf, end_leaf, entries) VALUES (?, ?, ?, ?, ?)",
                id, level, firstLeaf, endLeaf, entries);
        return Optional.of(new Run(id, level, firstLeaf, endLeaf, entries));
    }

    /** The leaves that a run records under this key. */
    List<Long> leavesOf(Run run, long key) {
        List<Long> leaves = new ArrayList<>();
        // ordered by the whole primary key: H2 reads the index in order only then (by last_key alone it sorted
        // every page from there to the run's end)
        jdbc.query("SELECT entries FROM evidence_key_page WHERE run_id = ? AND last_key >= ? "
                + "ORDER BY run_id, last_key LIMIT 1", rs -> {
                    ByteBuffer page = ByteBuffer.wrap(rs.getBytes(1));
                    int n = page.capacity() / ENTRY_BYTES;
                    int low = 0;
                    int high = n;
                    while (low < high) { // first entry with a key >= key
                        int mid = (low + high) >>> 1;
                        if (page.getLong(mid * ENTRY_BYTES) < key) {
                            low = mid + 1;
                        } else {
                            high = mid;
                        }
                    }
                    for (int i = low; i < n && page.getLong(i * ENTRY_BYTES) == key; i++) {
                        leaves.add(page.getLong(i * ENTRY_BYTES + Long.BYTES));
                    }
                }, run.id(), key);
        return leaves;
    }

    /** A run's entries in order, read some pages at a time. */
    Iterator<Entry> read(Run run) {
        return new Cursor(run.id());
    }

    /** The runs of the lowest level that has {@link #FANOUT} of them, below the top level; empty if none. */
    List<Run> mergeable() {
        List<Run> runs = all();
        for (int level = 0; level < TOP_LEVEL; level++) {
            int at = level;
            List<Run> ofLevel = runs.stream().filter(r -> r.level() == at).toList();
            if (ofLevel.size() >= FANOUT) {
                return ofLevel;
            }
        }
        return List.of();
    }

    /** Merges runs of one level into one run of the next, and removes them. */
    Run merge(List<Run> runs) {
        if (runs.size() < 2 || runs.stream().map(Run::level).distinct().count() != 1) {
            throw new IllegalArgumentException("merge two or more runs of one level");
        }
        PriorityQueue<Cursor> heads = new PriorityQueue<>(Comparator.comparing(Cursor::peek, ORDER));
        for (Run run : runs) {
            Cursor cursor = (Cursor) read(run);
            if (cursor.hasNext()) {
                heads.add(cursor);
            }
        }
        Iterator<Entry> merged = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !heads.isEmpty();
            }

            @Override
            public Entry next() {
                Cursor cursor = heads.poll();
                if (cursor == null) {
                    throw new NoSuchElementException();
                }
                Entry entry = cursor.next();
                if (cursor.hasNext()) {
                    heads.add(cursor);
                }
                return entry;
            }
        };
        long first = runs.stream().mapToLong(Run::firstLeaf).min().orElseThrow();
        long end = runs.stream().mapToLong(Run::endLeaf).max().orElseThrow();
        Run run = write(runs.get(0).level() + 1, first, end, merged).orElseThrow();
        for (Run old : runs) {
            jdbc.update("DELETE FROM evidence_key_page WHERE run_id = ?", old.id());
            jdbc.update("DELETE FROM evidence_key_run WHERE run_id = ?", old.id());
        }
        return run;
    }

    private static Object[] page(long run, long lastKey, ByteBuffer page) {
        byte[] entries = new byte[page.position()];
        page.flip().get(entries).clear();
        return new Object[] {run, lastKey, entries};
    }

    private void insert(List<Object[]> pages) {
        jdbc.batchUpdate("INSERT INTO evidence_key_page (run_id, last_key, entries) VALUES (?, ?, ?)", pages);
        pages.clear();
    }

    /** Reads a run's entries in order, some pages at a time. */
    private final class Cursor implements Iterator<Entry> {
        private final long run;
        private final List<ByteBuffer> pages = new ArrayList<>();
        private ByteBuffer page;
        private Long lastKey; // of the last page read; null before the first read
        private boolean exhausted;
        private Entry head;

        Cursor(long run) {
            this.run = run;
            advance();
        }

        Entry peek() {
            return head;
        }

        @Override
        public boolean hasNext() {
            return head != null;
        }

        @Override
        public Entry next() {
            if (head == null) {
                throw new NoSuchElementException();
            }
            Entry entry = head;
            advance();
            return entry;
        }

        private void advance() {
            while (page == null || !page.hasRemaining()) {
                if (pages.isEmpty() && !exhausted) {
                    read();
                }
                if (pages.isEmpty()) {
                    head = null;
                    return;
                }
                page = pages.remove(0);
            }
            head = new Entry(page.getLong(), page.getLong());
        }

        private void read() {
            String sql = "SELECT last_key, entries FROM evidence_key_page WHERE run_id = ?"
                    + (lastKey == null ? "" : " AND last_key > ?") + " ORDER BY run_id, last_key LIMIT "
                    + PAGES_PER_READ;
            Object[] args = lastKey == null ? new Object[] {run} : new Object[] {run, lastKey};
            jdbc.query(sql, rs -> {
                lastKey = rs.getLong(1);
                pages.add(ByteBuffer.wrap(rs.getBytes(2)));
            }, args);
            exhausted = pages.size() < PAGES_PER_READ;
        }
    }
}
