package cn.hrss.seal.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A throw-away database for one test class: a fresh PostgreSQL database on the real server (the CI script makes
 * sure it runs; tests fail, not skip, when it does not) or a fresh in-memory H2 in PostgreSQL mode. Each instance
 * is independent, so tests never depend on each other's data or order.
 */
public final class TestDatabase implements AutoCloseable {
    public enum Kind { POSTGRES, H2 }

    private final Kind kind;
    private final String name;
    private final String url;
    private final String user;
    private final String password;

    private TestDatabase(Kind kind, String name, String url, String user, String password) {
        this.kind = kind;
        this.name = name;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** Creates a new empty PostgreSQL database; dropped by {@link #close()} or at JVM exit. */
    public static TestDatabase postgres() {
        String admin = System.getProperty("seal.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String user = System.getProperty("seal.test.pg.user", "postgres");
        String name = "seal_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20)
                .toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(admin, user, "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is required for tests and is not reachable at " + admin
                    + " as " + user + ": " + e.getMessage(), e);
        }
        String url = admin.substring(0, admin.lastIndexOf('/') + 1) + name;
        TestDatabase db = new TestDatabase(Kind.POSTGRES, name, url, user, "");
        Runtime.getRuntime().addShutdownHook(new Thread(db::dropQuietly));
        return db;
    }

    /** Creates a new in-memory H2 database in PostgreSQL mode (the embedded default's dialect). */
    public static TestDatabase h2() {
        String name = "seal_test_" + UUID.randomUUID().toString().replace("-", "");
        String url = "jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
                + "DB_CLOSE_DELAY=-1";
        return new TestDatabase(Kind.H2, name, url, "sa", "");
    }

    public static TestDatabase of(Kind kind) {
        return kind == Kind.POSTGRES ? postgres() : h2();
    }

    public Kind kind() {
        return kind;
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    @Override
    public void close() {
        dropQuietly();
    }

    private synchronized void dropQuietly() {
        try {
            if (kind == Kind.POSTGRES) {
                String admin = System.getProperty("seal.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
                try (Connection c = DriverManager.getConnection(admin, user, "");
                     Statement s = c.createStatement()) {
                    s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                }
            } else {
                try (Connection c = connect(); Statement s = c.createStatement()) {
                    s.execute("SHUTDOWN");
                }
            }
        } catch (SQLException ignored) {
            // already gone
        }
    }

    @Override
    public String toString() {
        return kind + " " + url;
    }
}
