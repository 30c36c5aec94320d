package cn.hrss.seal.bench.status;

import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Loads a {@link SealTable} into an empty PostgreSQL database: the module's own Flyway migrations create the schema,
 * then {@code COPY ... FROM STDIN} writes the rows {@code register} and {@code recordChange} would have written,
 * i.e. for every seal its {@code seal_status} row and one {@code seal_status_history} row per status entered
 * (VALID at version 1; REVOKED at version 2 for the revoked ones). About a minute for 10^6 seals on 2 cores.
 */
final class SealTableLoader {
    private static final String SEALS_COPY = "COPY seal_status (es_id, status, since, reason, valid_start, valid_end,"
            + " unit_name, seal_name, region_code, certificate_serial, registered_at, version) FROM STDIN";
    private static final String HISTORY_COPY = "COPY seal_status_history (es_id, version, status, changed_at, reason,"
            + " recorded_at) FROM STDIN";
    private static final int PROGRESS_EVERY = 200_000;
    private static final int BUFFER = 1 << 16;

    private final Consumer<String> progress;

    SealTableLoader(Consumer<String> progress) {
        this.progress = progress;
    }

    /** Creates the module's schema in the database and loads the table. */
    void load(SealTable table, String url, String user, String password) throws SQLException {
        Flyway.configure().dataSource(url, user, password).load().migrate();
        try (Connection c = java.sql.DriverManager.getConnection(url, user, password)) {
            copy(c, SEALS_COPY, table, "seal_status", this::writeSeal);
            copy(c, HISTORY_COPY, table, "seal_status_history", this::writeHistory);
            try (Statement s = c.createStatement()) {
                // what autovacuum would do after a load of this size, done now so that it does not run during the
                // measurements; the planner needs the statistics for the index paths
                long started = System.nanoTime();
                s.execute("VACUUM (ANALYZE) seal_status");
                s.execute("VACUUM (ANALYZE) seal_status_history");
                progress.accept(String.format("vacuumed and analysed in %.1f s", (System.nanoTime() - started) / 1e9));
            }
        }
    }

    private void copy(Connection c, String sql, SealTable table, String name, RowWriter rows) throws SQLException {
        long started = System.nanoTime();
        try (Writer out = new BufferedWriter(new OutputStreamWriter(
                new PGCopyOutputStream(c.unwrap(PGConnection.class), sql, BUFFER), StandardCharsets.UTF_8), BUFFER)) {
            for (int i = 0; i < table.seals(); i++) {
                rows.write(out, table, i);
                if ((i + 1) % PROGRESS_EVERY == 0) {
                    progress.accept(String.format("%s: %,d of %,d seals", name, i + 1, table.seals()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        progress.accept(String.format("%s loaded in %.1f s", name, (System.nanoTime() - started) / 1e9));
    }

    private void writeSeal(Writer out, SealTable t, int i) throws IOException {
        boolean revoked = t.isRevoked(i);
        row(out, t.esId(i), revoked ? "REVOKED" : "VALID",
                revoked ? t.revokedAt(i) : t.validStart(i), revoked ? SealTable.REVOCATION_REASON : null,
                t.validStart(i), t.validEnd(i), SealTable.UNIT_NAME, SealTable.SEAL_NAME, SealTable.REGION_CODE,
                t.certificateSerial(i), t.registeredAt(i), revoked ? 2 : 1);
    }

    private void writeHistory(Writer out, SealTable t, int i) throws IOException {
        row(out, t.esId(i), 1, "VALID", t.validStart(i), null, t.registeredAt(i));
        if (t.isRevoked(i)) {
            // recorded when it took effect: the module records a change at "now" unless told otherwise
            row(out, t.esId(i), 2, "REVOKED", t.revokedAt(i), SealTable.REVOCATION_REASON, t.revokedAt(i));
        }
    }

    /** One line of COPY's text format; the generated values hold no tab, newline or backslash. */
    private static void row(Writer out, Object... values) throws IOException {
        for (int k = 0; k < values.length; k++) {
            if (k > 0) {
                out.write('\t');
            }
            Object v = values[k];
            // Instant.toString() is ISO-8601 with 'Z', which timestamptz input accepts
            out.write(v == null ? "\\N" : v instanceof Instant t ? t.toString() : v.toString());
        }
        out.write('\n');
    }

    @FunctionalInterface
    private interface RowWriter {
        void write(Writer out, SealTable table, int i) throws IOException;
    }
}
