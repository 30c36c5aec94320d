package cn.hrss.seal.evidence;

import cn.hrss.seal.core.merkle.MerkleHashes;
import cn.hrss.seal.core.merkle.MerkleProofs;
import cn.hrss.seal.core.merkle.MerkleTree;
import cn.hrss.seal.core.merkle.SubtreeHashes;
import cn.hrss.seal.core.merkle.SubtreeHashes.Position;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The evidence log on PostgreSQL at 10^7 entries ({@code scripts/bench-evidence.sh}). In a scratch database
 * {@code bench_evidence} with the module's migrations: (1) append rate, one leaf per transaction and batches of 100
 * and 1000 through {@link LeafStore#appendAll}, each as a ratio to the SM3 leaf-hashing rate of the same leaves
 * measured right after; (2) fills the log to the target size with COPY, leaves and the complete subtrees computed by
 * the same {@link SubtreeHashes#append} as a real append (the real SM3 tree); (3) root, inclusion and consistency
 * proof times from the stored subtrees (p50/p99 of random queries, each proof checked with MerkleProofs after its
 * timing), spot checks of stored subtrees against the leaves, and the append rate again at full size. Drops the
 * database at the end. In the evidence package to reach its package-private store, as the module's tests do.
 * Plain timing, not JMH: the fill is done once, and the queries run against that one loaded database.
 */
public final class EvidenceBenchReport {
    private static final String ADMIN = System.getProperty("bench.pg.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String USER = System.getProperty("bench.pg.user", "postgres");
    private static final String DB = "bench_evidence";
    private static final int CHUNK = 50_000;
    private static final HexFormat HEX = HexFormat.of();

    private final LeafStore store;
    private final StoredTree tree;
    private final TransactionTemplate tx;
    private final String url;
    private long generated;

    private EvidenceBenchReport(String url, JdbcTemplate jdbc, TransactionTemplate tx) {
        this.url = url;
        this.tree = new StoredTree(jdbc);
        this.store = new LeafStore(jdbc, tree, Clock.systemUTC());
        this.tx = tx;
    }

    public static void main(String[] args) throws Exception {
        long target = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        admin("DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)");
        admin("CREATE DATABASE " + DB);
        // e.g. -Dbench.pg.params=?reWriteBatchedInserts=true: the driver sends a batch as multi-row inserts
        String url = ADMIN.substring(0, ADMIN.lastIndexOf('/') + 1) + DB + System.getProperty("bench.pg.params", "");
        System.out.println("bench-evidence: " + url);
        try {
            Flyway.configure().dataSource(url, USER, "").load().migrate();
            SingleConnectionDataSource ds = new SingleConnectionDataSource(url, USER, "", true);
            try {
                TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
                new EvidenceBenchReport(url, new JdbcTemplate(ds), tx).run(target, queries);
            } finally {
                ds.destroy();
            }
        } finally {
            if (!Boolean.getBoolean("bench.keep")) {
                admin("DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)");
                System.out.println("bench-evidence: dropped database " + DB);
            }
        }
    }

    private void run(long target, int queries) throws Exception {
        System.out.println("## Appends on an empty log");
        appendRates(new int[][] {{1, 3_000}, {100, 30_000}, {1000, 100_000}});

        long from = store.size();
        long started = System.nanoTime();
        fill(from, target);
        System.out.printf("bench-evidence: filled %,d -> %,d entries in %.0f s%n", from, target,
                (System.nanoTime() - started) / 1e9);

        System.out.printf("%n## Queries at %,d entries (%,d random queries each after 200 of warm-up)%n%n", target,
                queries);
        System.out.println("| query | p50 | p99 | max | stored hashes read |");
        System.out.println("|---|---|---|---|---|");
        measureQueries(target, queries);
        spotCheck(target);

        System.out.printf("%n## Appends at %,d entries%n", target);
        appendRates(new int[][] {{1, 2_000}, {1000, 50_000}});
    }

    // ------------------------------------------------------------------ appends

    private void appendRates(int[][] runs) {
        // warm-up: JIT (hashing too), connection, statement caches
        List<byte[]> warm = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            warm.add(leaf(-1 - i)); // not from the log's sequence: leaf i of the log is leaf(i)
        }
        hashRate(warm);
        appendRate(1, 300);
        appendRate(100, 3_000);
        System.out.println();
        System.out.println("| append | entries | entries/s | SM3 leaf hashes/s (same leaves) | ratio |");
        System.out.println("|---|---|---|---|---|");
        for (int[] run : runs) {
            int batch = run[0];
            List<byte[]> leaves = leaves(run[1]);
            long t0 = System.nanoTime();
            for (int i = 0; i < leaves.size(); i += batch) {
                List<byte[]> part = leaves.subList(i, Math.min(leaves.size(), i + batch));
                tx.executeWithoutResult(s -> {
                    if (batch == 1) {
                        store.append(part.get(0));
                    } else {
                        store.appendAll(part);
                    }
                });
            }
            double rate = leaves.size() / ((System.nanoTime() - t0) / 1e9);
            double hashes = hashRate(leaves);
            System.out.printf("| %s | %,d | %,.0f | %,.0f | %.4f |%n", batch == 1 ? "single (1 per transaction)"
                    : "appendAll, batches of " + batch, leaves.size(), rate, hashes, rate / hashes);
        }
    }

    private void appendRate(int batch, int n) {
        List<byte[]> leaves = leaves(n);
        for (int i = 0; i < n; i += batch) {
            List<byte[]> part = leaves.subList(i, Math.min(n, i + batch));
            tx.executeWithoutResult(s -> store.appendAll(part));
        }
    }

    /** SM3 leaf hashes per second over the same leaves: best of three passes. */
    private static double hashRate(List<byte[]> leaves) {
        double best = 0;
        byte sink = 0;
        for (int pass = 0; pass < 3; pass++) {
            long t0 = System.nanoTime();
            for (byte[] leaf : leaves) {
                sink ^= MerkleHashes.leaf(leaf)[0];
            }
            best = Math.max(best, leaves.size() / ((System.nanoTime() - t0) / 1e9));
        }
        return sink == 1234 ? -best : best;
    }

    /** Signing leaves in the documented form (docs/EVIDENCE.md), about 430 bytes, all different. */
    private List<byte[]> leaves(int n) {
        List<byte[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(leaf(generated++));
        }
        return out;
    }

    private static byte[] leaf(long i) {
        SplittableRandom r = new SplittableRandom(i);
        return ("HRSS-SEAL-EVIDENCE/1\nkind=SIGNING\nflow=AUTHORISED\nsignId=bench-" + i
                + "\nesId=GJ35020326000000015\nsigner=" + hex32(r) + "\ndocumentSm3=" + hex32(r) + "\nsignedSm3="
                + hex32(r) + "\napprovalSm3=" + hex32(r) + "\nsignedAt=2026-12-06T01:00:00Z")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String hex32(SplittableRandom r) {
        byte[] b = new byte[32];
        r.nextBytes(b);
        return HEX.formatHex(b);
    }

    // ------------------------------------------------------------------ fill

    /**
     * COPY of leaves {@code from..to-1} and of the subtrees they close, in one transaction per table. The leaf-hash
     * index is dropped during the load and built afterwards, as one would for any bulk load.
     */
    private void fill(long from, long to) throws SQLException, IOException {
        Map<Position, byte[]> frontier = new HashMap<>(tree.load(SubtreeHashes.frontier(from)));
        try (Connection leavesDb = DriverManager.getConnection(url, USER, "");
             Connection nodesDb = DriverManager.getConnection(url, USER, "")) {
            leavesDb.setAutoCommit(false);
            nodesDb.setAutoCommit(false);
            try (Statement s = leavesDb.createStatement()) {
                s.execute("DROP INDEX ix_evidence_leaf_hash");
            }
            long t0 = System.nanoTime();
            try (Writer leafOut = copy(leavesDb, "COPY evidence_leaf (idx, leaf_hash, leaf, appended_at) FROM STDIN");
                 Writer nodeOut = copy(nodesDb, "COPY evidence_node (level, idx, hash) FROM STDIN")) {
                for (long size = from; size < to; ) {
                    int n = (int) Math.min(CHUNK, to - size);
                    List<byte[]> hashes = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        long idx = size + i;
                        byte[] leaf = leaf(idx);
                        byte[] hash = MerkleHashes.leaf(leaf);
                        hashes.add(hash);
                        leafOut.write(Long.toString(idx));
                        leafOut.write('\t');
                        leafOut.write(HEX.formatHex(hash));
                        leafOut.write("\t\\\\x");
                        leafOut.write(HEX.formatHex(leaf));
                        leafOut.write("\t2026-12-06 01:00:00+00\n");
                    }
                    Map<Position, byte[]> known = frontier;
                    List<SubtreeHashes.Node> closed = SubtreeHashes.append(size, hashes,
                            (level, index) -> StoredTree.get(known, level, index));
                    Map<Position, byte[]> all = new HashMap<>(known);
                    for (SubtreeHashes.Node node : closed) {
                        nodeOut.write(node.level() + "\t" + node.index() + "\t" + HEX.formatHex(node.hash()) + "\n");
                        all.put(new Position(node.level(), node.index()), node.hash());
                    }
                    for (int i = 0; i < n; i++) {
                        all.put(new Position(0, size + i), hashes.get(i));
                    }
                    size += n;
                    frontier = new HashMap<>();
                    for (Position p : SubtreeHashes.frontier(size)) {
                        frontier.put(p, StoredTree.get(all, p.level(), p.index()));
                    }
                    if (size % 1_000_000 == 0) {
                        System.out.printf("bench-evidence: %,d entries (%.0f s)%n", size,
                                (System.nanoTime() - t0) / 1e9);
                    }
                }
            }
            nodesDb.commit();
            try (Statement s = leavesDb.createStatement()) {
                s.executeUpdate("UPDATE evidence_head SET size = " + to + " WHERE id = 1");
                // the loaded leaves carry no document keys: nothing for the document index to fill from them
                s.executeUpdate("UPDATE evidence_index_head SET indexed_below = " + to + " WHERE id = 1");
            }
            leavesDb.commit();
            System.out.printf("bench-evidence: COPY done in %.0f s%n", (System.nanoTime() - t0) / 1e9);
            leavesDb.setAutoCommit(true);
            try (Statement s = leavesDb.createStatement()) {
                long t1 = System.nanoTime();
                s.execute("CREATE INDEX ix_evidence_leaf_hash ON evidence_leaf (leaf_hash)");
                System.out.printf("bench-evidence: leaf-hash index built in %.0f s%n", (System.nanoTime() - t1) / 1e9);
                t1 = System.nanoTime();
                s.execute("VACUUM (ANALYZE) evidence_leaf");
                s.execute("VACUUM (ANALYZE) evidence_node");
                System.out.printf("bench-evidence: vacuumed and analysed in %.0f s%n", (System.nanoTime() - t1) / 1e9);
                try (var rs = s.executeQuery("SELECT pg_size_pretty(pg_total_relation_size('evidence_leaf')),"
                        + " pg_size_pretty(pg_total_relation_size('evidence_node')),"
                        + " (SELECT COUNT(*) FROM evidence_node)")) {
                    rs.next();
                    System.out.printf("bench-evidence: evidence_leaf %s, evidence_node %s (%,d rows)%n",
                            rs.getString(1), rs.getString(2), rs.getLong(3));
                }
            }
        }
    }

    private static Writer copy(Connection c, String sql) throws SQLException {
        return new BufferedWriter(new OutputStreamWriter(new PGCopyOutputStream(c.unwrap(PGConnection.class), sql,
                1 << 16), StandardCharsets.UTF_8), 1 << 16);
    }

    // ------------------------------------------------------------------ queries

    private void measureQueries(long n, int queries) {
        byte[] root = tree.root(n);
        SplittableRandom r = new SplittableRandom(42);
        time("root, size " + n, 100, () -> {
            long t = System.nanoTime();
            tree.root(n);
            return new long[] {System.nanoTime() - t, reads(h -> h.root(n))};
        });
        time("root, random size", queries, () -> {
            long size = 1 + r.nextLong(n);
            long t = System.nanoTime();
            tree.root(size);
            return new long[] {System.nanoTime() - t, reads(h -> h.root(size))};
        });
        time("inclusion proof, random index, size " + n, queries, () -> {
            long index = r.nextLong(n);
            long t = System.nanoTime();
            List<byte[]> proof = tree.inclusionProof(index, n);
            long took = System.nanoTime() - t;
            check(MerkleProofs.verifyInclusion(MerkleHashes.leaf(leaf(index)), index, n, proof, root),
                    "inclusion of " + index);
            return new long[] {took, reads(h -> h.inclusionProof(index, n))};
        });
        time("inclusion by leaf hash (index lookup + proof, what the endpoint does)", queries, () -> {
            long index = r.nextLong(n);
            String hash = HEX.formatHex(MerkleHashes.leaf(leaf(index)));
            long t = System.nanoTime();
            long found = store.indexOf(hash, n).orElseThrow();
            tree.inclusionProof(found, n);
            long took = System.nanoTime() - t;
            check(found == index, "index of " + index);
            return new long[] {took, reads(h -> h.inclusionProof(index, n))};
        });
        time("consistency proof, random first < second <= " + n, queries, () -> {
            long second = 2 + r.nextLong(n - 1);
            long first = 1 + r.nextLong(second - 1);
            long t = System.nanoTime();
            List<byte[]> proof = tree.consistencyProof(first, second);
            long took = System.nanoTime() - t;
            check(MerkleProofs.verifyConsistency(first, second, proof, tree.root(first), tree.root(second)),
                    "consistency " + first + " -> " + second);
            return new long[] {took, reads(h -> h.consistencyProof(first, second))};
        });
    }

    /** How many distinct stored hashes a computation reads (they depend on sizes and indexes only). */
    private static long reads(Function<SubtreeHashes, ?> f) {
        Set<Position> read = new HashSet<>();
        f.apply(new SubtreeHashes((level, index) -> {
            read.add(new Position(level, index));
            return new byte[MerkleHashes.SIZE];
        }));
        return read.size();
    }

    /** Runs {@code q} 200 times to warm up, then {@code n} times; q answers {nanoseconds, stored hashes read}. */
    private static void time(String name, int n, Supplier<long[]> q) {
        for (int i = 0; i < 200; i++) {
            q.get();
        }
        long[] ns = new long[n];
        long maxReads = 0;
        for (int i = 0; i < n; i++) {
            long[] result = q.get();
            ns[i] = result[0];
            maxReads = Math.max(maxReads, result[1]);
        }
        Arrays.sort(ns);
        System.out.printf("| %s | %.2f ms | %.2f ms | %.2f ms | at most %d |%n", name, ns[n / 2] / 1e6,
                ns[(int) Math.ceil(n * 0.99) - 1] / 1e6, ns[n - 1] / 1e6, maxReads);
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("does not verify: " + what);
        }
    }

    /** Stored level-12 subtrees recomputed from their 4096 stored leaf hashes: the stored tree is the real one. */
    private void spotCheck(long n) {
        SplittableRandom r = new SplittableRandom(7);
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(url, USER, "", false));
        for (int k = 0; k < 3; k++) {
            long index = r.nextLong(n >> 12);
            List<byte[]> leafHashes = jdbc.query("SELECT leaf_hash FROM evidence_leaf WHERE idx >= ? AND idx < ?"
                    + " ORDER BY idx", (rs, i) -> HEX.parseHex(rs.getString(1)), index << 12, (index + 1) << 12);
            for (int i = 0; i < leafHashes.size(); i++) {
                check(Arrays.equals(leafHashes.get(i), MerkleHashes.leaf(leaf((index << 12) + i))), "leaf");
            }
            String stored = jdbc.queryForObject("SELECT hash FROM evidence_node WHERE level = 12 AND idx = ?",
                    String.class, index);
            check(HEX.formatHex(MerkleTree.of(leafHashes).root(4096)).equals(stored), "subtree (12, " + index + ")");
        }
        System.out.println("\nspot check: 3 random stored level-12 subtrees equal MTH of their 4096 leaves; every"
                + " timed proof verified with MerkleProofs against the stored root");
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(ADMIN, USER, ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
