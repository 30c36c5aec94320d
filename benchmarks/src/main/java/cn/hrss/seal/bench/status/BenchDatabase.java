package cn.hrss.seal.bench.status;

import cn.hrss.seal.testsupport.TestDatabase;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A PostgreSQL database holding a loaded {@link SealTable}. {@link StatusBenchReport} creates and loads one for a
 * whole run and hands it to the JMH forks through system properties ({@link #forkArguments()}); a benchmark run
 * without it ({@code java -jar benchmarks.jar Status...}) creates, loads and drops its own in each fork.
 */
final class BenchDatabase implements AutoCloseable {
    static final String URL_PROPERTY = "seal.bench.status.url";
    static final String USER_PROPERTY = "seal.bench.status.user";
    private static final String SEALS = "seal.bench.status.seals";
    private static final String REVOKED = "seal.bench.status.revoked";
    private static final String NOW = "seal.bench.status.now";

    private final String url;
    private final String user;
    private final SealTable table;
    /** The database this instance created and drops on close; empty when it was handed over. */
    private final Optional<TestDatabase> owned;

    private BenchDatabase(String url, String user, SealTable table, Optional<TestDatabase> owned) {
        this.url = url;
        this.user = user;
        this.table = table;
        this.owned = owned;
    }

    /** A fresh database with the table loaded; dropped by {@link #close()}. */
    static BenchDatabase createAndLoad(SealTable table, Consumer<String> progress) throws SQLException {
        TestDatabase db = TestDatabase.postgres();
        try {
            progress.accept("loading " + table + " into " + db.url());
            new SealTableLoader(progress).load(table, db.url(), db.user(), db.password());
            return new BenchDatabase(db.url(), db.user(), table, Optional.of(db));
        } catch (SQLException | RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** The database named by the run's system properties, or a fresh one of the target size. */
    static BenchDatabase forBenchmark() throws SQLException {
        String url = System.getProperty(URL_PROPERTY);
        if (url == null) {
            return createAndLoad(SealTable.target(Instant.now()), System.out::println);
        }
        SealTable table = new SealTable(Integer.getInteger(SEALS), Integer.getInteger(REVOKED),
                Instant.ofEpochMilli(Long.getLong(NOW)));
        return new BenchDatabase(url, System.getProperty(USER_PROPERTY), table, Optional.empty());
    }

    /** JVM options that make {@link #forBenchmark()} in a JMH fork use this database. */
    List<String> forkArguments() {
        return List.of("-D" + URL_PROPERTY + "=" + url, "-D" + USER_PROPERTY + "=" + user,
                "-D" + SEALS + "=" + table.seals(), "-D" + REVOKED + "=" + table.revoked(),
                "-D" + NOW + "=" + table.now().toEpochMilli());
    }

    String url() {
        return url;
    }

    String user() {
        return user;
    }

    /** Trust authentication, as for the tests' databases. */
    String password() {
        return "";
    }

    SealTable table() {
        return table;
    }

    @Override
    public void close() {
        owned.ifPresent(TestDatabase::close);
    }
}
