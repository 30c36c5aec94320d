package cn.hrss.seal.bench.status;

import cn.hrss.seal.bench.crypto.ComparedTo;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.concurrent.TimeUnit;

/**
 * Publication of one seal revocation list from the loaded table (stream the listed seals, write the document, sign
 * it, store it), one publication per measured iteration. The baseline streams the same rows with plain JDBC, so the
 * ratio is what the module adds on top of reading them. The fork's heap is 256 MB: the list streams from a cursor,
 * and a module that collected the rows first would not fit.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx256m"})
public class RevocationListBenchmark {
    static final String BASELINE = "RevocationListBenchmark.jdbcStreamListed";
    /** The module's fetch size (SealStatusMapper.streamListed). */
    private static final int FETCH_SIZE = 5000;

    @State(Scope.Benchmark)
    public static class Node {
        BenchDatabase db;
        StatusNode node;

        @Setup(Level.Trial)
        public void start() throws SQLException {
            db = BenchDatabase.forBenchmark();
            node = StatusNode.start(db);
        }

        @TearDown(Level.Trial)
        public void stop() {
            node.close();
            db.close();
        }
    }

    @State(Scope.Benchmark)
    public static class Jdbc {
        BenchDatabase db;
        Connection connection;

        @Setup(Level.Trial)
        public void open() throws SQLException {
            db = BenchDatabase.forBenchmark();
            connection = DriverManager.getConnection(db.url(), db.user(), db.password());
            // PostgreSQL honours the fetch size only inside a transaction, as in the module's publication
            connection.setAutoCommit(false);
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            connection.close();
            db.close();
        }
    }

    @Benchmark
    @ComparedTo(BASELINE)
    public void publish(Node node) {
        node.node.publishRevocationList();
    }

    @Benchmark
    public int jdbcStreamListed(Jdbc jdbc) throws SQLException {
        int rows = 0;
        try (PreparedStatement s = jdbc.connection.prepareStatement("SELECT es_id, status, since, reason"
                + " FROM seal_status WHERE status IN ('REVOKED', 'SUSPENDED') ORDER BY es_id")) {
            s.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rs.getString(1);
                    rs.getString(2);
                    rs.getObject(3, OffsetDateTime.class);
                    rs.getString(4);
                    rows++;
                }
            }
        }
        jdbc.connection.commit();
        return rows;
    }
}
