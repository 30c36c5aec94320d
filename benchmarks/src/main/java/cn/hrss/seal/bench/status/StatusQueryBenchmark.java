package cn.hrss.seal.bench.status;

import cn.hrss.seal.bench.crypto.ComparedTo;
import cn.hrss.seal.status.api.SealStatus;
import cn.hrss.seal.status.api.SealStatusRecord;
import cn.hrss.seal.status.api.SealStatusService;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Status queries on the loaded table: {@code statusOf} from a warm cache and from the database (cache entries that
 * live one millisecond), {@code statusAt} from the history, each next to a baseline measured in the same run.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
@Threads(1)
public class StatusQueryBenchmark {
    static final String CACHE_BASELINE = "StatusQueryBenchmark.mapLookup";
    static final String DATABASE_BASELINE = "StatusQueryBenchmark.jdbcPrimaryKey";

    /** The module with its default cache size and a time to live longer than the run; the sample is in the cache. */
    @State(Scope.Benchmark)
    public static class WarmNode {
        BenchDatabase db;
        QuerySample sample;
        StatusNode node;
        /** Looked up once: a bean lookup per call would be measured with the query. */
        SealStatusService statuses;

        @Setup(Level.Trial)
        public void start() throws SQLException {
            db = BenchDatabase.forBenchmark();
            sample = new QuerySample(db.table());
            node = StatusNode.start(db, "seal.status.cache.time-to-live=PT1H");
            statuses = node.statuses();
            for (int k = 0; k < QuerySample.SIZE; k++) {
                statuses.statusOf(sample.esId(k));
            }
        }

        @TearDown(Level.Trial)
        public void stop() {
            node.close();
            db.close();
        }
    }

    /**
     * The module with a one-millisecond time to live (the smallest the configuration accepts): with 2^16 random
     * seals out of 10^6 no entry is still alive when it is asked for again, so every {@code statusOf} reads the row.
     */
    @State(Scope.Benchmark)
    public static class ColdNode {
        BenchDatabase db;
        QuerySample sample;
        StatusNode node;
        /** Looked up once: a bean lookup per call would be measured with the query. */
        SealStatusService statuses;

        @Setup(Level.Trial)
        public void start() throws SQLException {
            db = BenchDatabase.forBenchmark();
            sample = new QuerySample(db.table());
            node = StatusNode.start(db, "seal.status.cache.time-to-live=PT0.001S");
            statuses = node.statuses();
        }

        @TearDown(Level.Trial)
        public void stop() {
            node.close();
            db.close();
        }
    }

    /** Cache baseline: the sample's answers in a plain ConcurrentHashMap. */
    @State(Scope.Benchmark)
    public static class AnswerMap {
        QuerySample sample;
        final Map<String, SealStatusRecord> answers = new ConcurrentHashMap<>();

        @Setup(Level.Trial)
        public void fill() throws SQLException {
            try (BenchDatabase db = BenchDatabase.forBenchmark()) {
                SealTable table = db.table();
                sample = new QuerySample(table);
                for (int k = 0; k < QuerySample.SIZE; k++) {
                    int i = sample.seal(k);
                    answers.put(table.esId(i), table.isRevoked(i)
                            ? new SealStatusRecord(table.esId(i), SealStatus.REVOKED, table.revokedAt(i),
                            SealTable.REVOCATION_REASON)
                            : new SealStatusRecord(table.esId(i), SealStatus.VALID, table.validStart(i), null));
                }
            }
        }
    }

    /** Database baseline: one connection per thread and a prepared primary-key SELECT of the module's row. */
    @State(Scope.Thread)
    public static class Jdbc {
        BenchDatabase db;
        QuerySample sample;
        Connection connection;
        PreparedStatement select;

        @Setup(Level.Trial)
        public void open() throws SQLException {
            db = BenchDatabase.forBenchmark();
            sample = new QuerySample(db.table());
            connection = DriverManager.getConnection(db.url(), db.user(), db.password());
            select = connection.prepareStatement("SELECT * FROM seal_status WHERE es_id = ?");
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            connection.close();
            db.close();
        }
    }

    /** Where each thread is in the sample; threads start at different places. */
    @State(Scope.Thread)
    public static class Cursor {
        int next = ThreadLocalRandom.current().nextInt(QuerySample.SIZE);

        int next() {
            return next++;
        }
    }

    @Benchmark
    public SealStatusRecord mapLookup(AnswerMap map, Cursor cursor) {
        return map.answers.get(map.sample.esId(cursor.next()));
    }

    @Benchmark
    @ComparedTo(CACHE_BASELINE)
    public SealStatusRecord statusOfCached(WarmNode warm, Cursor cursor) {
        return warm.statuses.statusOf(warm.sample.esId(cursor.next()));
    }

    @Benchmark
    public Object jdbcPrimaryKey(Jdbc jdbc, Cursor cursor) throws SQLException {
        jdbc.select.setString(1, jdbc.sample.esId(cursor.next()));
        try (ResultSet rs = jdbc.select.executeQuery()) {
            rs.next();
            // the columns the module turns into an answer
            return new Object[] {rs.getString("status"), rs.getObject("since", OffsetDateTime.class),
                    rs.getString("reason"), rs.getObject("valid_end", OffsetDateTime.class), rs.getLong("version")};
        }
    }

    @Benchmark
    @ComparedTo(DATABASE_BASELINE)
    public SealStatusRecord statusOfFromDatabase(ColdNode cold, Cursor cursor) {
        return cold.statuses.statusOf(cold.sample.esId(cursor.next()));
    }

    @Benchmark
    @ComparedTo(DATABASE_BASELINE)
    public SealStatusRecord statusAt(ColdNode node, Cursor cursor) {
        int k = cursor.next();
        return node.statuses.statusAt(node.sample.esId(k), node.sample.time(k));
    }
}
