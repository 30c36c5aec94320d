package cn.hrss.seal.evidence;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * The evidence document index as the log grows ({@code scripts/bench-document-index.sh}): on the node's embedded
 * database (H2 file, as the README's defaults; or PostgreSQL with {@code pg}), round after round appends 2,048
 * signing leaves of 64 documents and 64 signatures each (131,072 documents, 262,144 lookup keys: what a node signing
 * batches of 64 fills in one index fill) and then times, on the same keys:
 * <ul>
 *   <li>the <b>baseline</b>: the index of V9_7/V9_8 — the round's keys, sorted, inserted into the B-tree
 *   {@code evidence_document_key} (the fill of session 13, whose cost per key grew with the index);</li>
 *   <li>the <b>runs</b> of V9_9: {@link DocumentIndex#flush} (one sorted run) and {@link DocumentIndex#compact}
 *   (merges while a level is full).</li>
 * </ul>
 * Both grow to the same size in the same database, so each round's ratio compares them at equal index size. At the
 * end: lookup latency ({@link DocumentIndex#leafOf}, p50/p99) of random indexed documents and of absent ones. In the
 * evidence package to reach its package-private classes, as the module's tests do. Plain timing, not JMH: every
 * round runs once against a database that only grows.
 */
public final class DocumentIndexBenchReport {
    private static final int LEAVES_PER_ROUND = 2_048;
    private static final int ITEMS_PER_LEAF = 64;
    private static final int LEAVES_PER_APPEND = 32;
    private static final int ROWS_PER_STATEMENT = 500;
    private static final HexFormat HEX = HexFormat.of();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final LeafStore leaves;
    private final DocumentIndex index;

    private DocumentIndexBenchReport(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.leaves = new LeafStore(jdbc, new StoredTree(jdbc), Clock.systemUTC());
        this.index = new DocumentIndex(jdbc, leaves);
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        boolean postgres = args.length > 1 && args[1].equals("pg");
        Path dir = Files.createTempDirectory("bench-document-index");
        String url;
        String user;
        if (postgres) {
            String admin = "jdbc:postgresql://127.0.0.1:5432/postgres";
            try (SingleConnectionDataSource ds = new SingleConnectionDataSource(admin, "postgres", "", true)) {
                new JdbcTemplate(ds).execute("DROP DATABASE IF EXISTS bench_document_index WITH (FORCE)");
                new JdbcTemplate(ds).execute("CREATE DATABASE bench_document_index");
            }
            url = "jdbc:postgresql://127.0.0.1:5432/bench_document_index";
            user = "postgres";
        } else {
            // the node's URL (deploy/seal-node application.yml) on a scratch directory
            url = "jdbc:h2:file:" + dir.resolve("seal") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH";
            user = "sa";
        }
        System.out.println("bench-document-index: " + url + ", " + rounds + " rounds");
        try {
            Flyway.configure().dataSource(url, user, "").locations("classpath:db/migration").load().migrate();
            SingleConnectionDataSource ds = new SingleConnectionDataSource(url, user, "", true);
            try {
                new DocumentIndexBenchReport(new JdbcTemplate(ds),
                        new TransactionTemplate(new DataSourceTransactionManager(ds))).run(rounds);
            } finally {
                ds.destroy();
            }
        } finally {
            FileSystemUtils.deleteRecursively(dir);
            if (postgres) {
                try (SingleConnectionDataSource ds = new SingleConnectionDataSource(
                        "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "", true)) {
                    new JdbcTemplate(ds).execute("DROP DATABASE IF EXISTS bench_document_index WITH (FORCE)");
                }
            }
        }
    }

    private void run(int rounds) {
        System.out.println();
        System.out.println("| round | keys indexed after | baseline B-tree fill µs/key | runs: fill µs/key | runs: merges "
                + "(ms) | runs incl. merges µs/key | ratio baseline / runs | runs |");
        System.out.println("|---:|---:|---:|---:|---|---:|---:|---:|");
        long keys = 0;
        double baselineNanos = 0;
        double runNanos = 0;
        long document = 0;
        for (int round = 1; round <= rounds; round++) {
            long first = leaves.size();
            document = append(document);
            List<KeyRuns.Entry> entries = index.entriesOf(first, leaves.size());
            keys += entries.size();

            long t0 = System.nanoTime();
            tx.executeWithoutResult(s -> baselineFill(entries));
            long baseline = System.nanoTime() - t0;

            t0 = System.nanoTime();
            tx.executeWithoutResult(s -> index.flush());
            long fill = System.nanoTime() - t0;
            List<String> merges = new ArrayList<>();
            long merging = 0;
            while (true) {
                t0 = System.nanoTime();
                Boolean merged = tx.execute(s -> index.compact());
                long took = System.nanoTime() - t0;
                if (!Boolean.TRUE.equals(merged)) {
                    break;
                }
                merging += took;
                merges.add(Long.toString(took / 1_000_000));
            }
            baselineNanos += baseline;
            runNanos += fill + merging;
            int n = entries.size();
            System.out.printf("| %d | %,d | %.2f | %.2f | %s | %.2f | %.1f | %d |%n", round, keys,
                    baseline / 1e3 / n, fill / 1e3 / n, merges.isEmpty() ? "-" : String.join(", ", merges),
                    (fill + merging) / 1e3 / n, (double) baseline / (fill + merging), new KeyRuns(jdbc).all().size());
        }
        System.out.printf("%nall rounds: baseline %.2f µs/key, runs (fills and merges) %.2f µs/key, ratio %.1f%n",
                baselineNanos / 1e3 / keys, runNanos / 1e3 / keys, baselineNanos / runNanos);
        lookups(document);
    }

    /** Appends a round of leaves, as signings do; returns the next document number. */
    private long append(long document) {
        for (int from = 0; from < LEAVES_PER_ROUND; from += LEAVES_PER_APPEND) {
            List<byte[]> texts = new ArrayList<>(LEAVES_PER_APPEND);
            List<byte[]> keys = new ArrayList<>(LEAVES_PER_APPEND);
            for (int l = 0; l < LEAVES_PER_APPEND; l++) {
                List<String> documents = new ArrayList<>(ITEMS_PER_LEAF);
                List<String> signatures = new ArrayList<>(ITEMS_PER_LEAF);
                for (int i = 0; i < ITEMS_PER_LEAF; i++, document++) {
                    documents.add(sm3(2 * document));
                    signatures.add(sm3(2 * document + 1));
                }
                texts.add(("HRSS-SEAL-EVIDENCE/1\nkind=SIGNING\nflow=AUTHORISED\nsignId=bench\nesId=GJ35020326000000015"
                        + "\ndocumentSm3=" + String.join(",", documents) + "\nsignedSm3=" + String.join(",", signatures)
                        + "\ntimeStampSm3=-\nsignedAt=2026-12-06T01:00:00Z").getBytes(StandardCharsets.UTF_8));
                List<String> all = new ArrayList<>(documents);
                all.addAll(signatures);
                keys.add(DocumentIndex.keysOf(all));
            }
            tx.executeWithoutResult(s -> leaves.appendAll(texts, keys));
        }
        return document;
    }

    /** A document's (or signature's) SM3 stand-in: 32 pseudo-random bytes from its number. */
    private static String sm3(long n) {
        SplittableRandom r = new SplittableRandom(n);
        byte[] b = new byte[32];
        r.nextBytes(b);
        return HEX.formatHex(b);
    }

    /** The fill of V9_8 (session 13): the entries sorted, in multi-row inserts into the B-tree. */
    private void baselineFill(List<KeyRuns.Entry> entries) {
        List<KeyRuns.Entry> sorted = new ArrayList<>(entries);
        sorted.sort(KeyRuns.ORDER);
        for (int from = 0; from < sorted.size(); from += ROWS_PER_STATEMENT) {
            List<KeyRuns.Entry> rows = sorted.subList(from, Math.min(sorted.size(), from + ROWS_PER_STATEMENT));
            Object[] args = new Object[2 * rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                args[2 * i] = rows.get(i).key();
                args[2 * i + 1] = rows.get(i).leaf();
            }
            jdbc.update("INSERT INTO evidence_document_key (document_key, leaf_idx) VALUES "
                    + String.join(", ", Collections.nCopies(rows.size(), "(?, ?)")), args);
        }
    }

    /**
     * Lookup latency of random documents through the runs. The baseline B-tree holds the same keys and would answer
     * them too, so it is emptied first: the lookups then find their leaves in the runs only.
     */
    private void lookups(long documents) {
        tx.executeWithoutResult(s -> jdbc.execute("TRUNCATE TABLE evidence_document_key"));
        SplittableRandom random = new SplittableRandom(38540);
        int n = 2_000;
        long[] present = new long[n];
        long[] absent = new long[n];
        for (int i = 0; i < n + 200; i++) {
            long d = random.nextLong(documents);
            long t0 = System.nanoTime();
            long leaf = index.leafOf(sm3(2 * d)).orElseThrow(() -> new IllegalStateException("document " + d
                    + " not found"));
            long took = System.nanoTime() - t0;
            if (leaf != d / ITEMS_PER_LEAF) {
                throw new IllegalStateException("document " + d + " found in leaf " + leaf);
            }
            t0 = System.nanoTime();
            if (index.leafOf(sm3(-1 - d)).isPresent()) {
                throw new IllegalStateException("an absent document was found");
            }
            if (i >= 200) { // the first 200 warm up
                present[i - 200] = took;
                absent[i - 200] = System.nanoTime() - t0;
            }
        }
        System.out.printf("%nlookups (%,d each, after 200 of warm-up), %d runs: indexed document p50 %.2f ms, p99 %.2f ms;"
                + " absent document p50 %.2f ms, p99 %.2f ms%n", n, new KeyRuns(jdbc).all().size(),
                percentile(present, 0.5), percentile(present, 0.99), percentile(absent, 0.5),
                percentile(absent, 0.99));
    }

    private static double percentile(long[] nanos, double p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
    }
}
