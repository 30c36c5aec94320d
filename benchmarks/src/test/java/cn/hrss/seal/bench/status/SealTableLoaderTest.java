package cn.hrss.seal.bench.status;

import cn.hrss.seal.status.api.SealRegistration;
import cn.hrss.seal.status.api.SealStatus;
import cn.hrss.seal.status.api.SealStatusRecord;
import cn.hrss.seal.status.api.SealStatusService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The loader writes what the module itself writes: a small table on PostgreSQL is read back through the module,
 * and rows the module writes for the same registration and revocation equal the loaded ones.
 */
class SealTableLoaderTest {
    private static final SealTable TABLE = new SealTable(1000, 100, Instant.now());
    private static final int REVOKED = 0;
    private static final int VALID = 1;
    /** Written by the module at the time of writing, not by the registration or change itself. */
    private static final Set<String> CLOCK_COLUMNS = Set.of("id", "es_id", "registered_at", "recorded_at");

    private static BenchDatabase db;
    private static StatusNode node;

    @BeforeAll
    static void load() throws SQLException {
        db = BenchDatabase.createAndLoad(TABLE, line -> { });
        node = StatusNode.start(db);
    }

    @AfterAll
    static void drop() {
        node.close();
        db.close();
    }

    @Test
    void loadsOneStatusRowPerSealAndOneHistoryRowPerStatusEntered() throws SQLException {
        assertThat(count("SELECT count(*) FROM seal_status")).isEqualTo(1000);
        assertThat(count("SELECT count(*) FROM seal_status_history")).isEqualTo(1100);
        assertThat(count("SELECT count(*) FROM seal_status WHERE status = 'REVOKED'")).isEqualTo(100);
    }

    @Test
    void theModuleReadsTheLoadedStatuses() {
        SealStatusService statuses = node.statuses();
        assertThat(statuses.statusOf(TABLE.esId(VALID))).isEqualTo(
                new SealStatusRecord(TABLE.esId(VALID), SealStatus.VALID, TABLE.validStart(VALID), null));
        assertThat(statuses.statusOf(TABLE.esId(REVOKED))).isEqualTo(new SealStatusRecord(TABLE.esId(REVOKED),
                SealStatus.REVOKED, TABLE.revokedAt(REVOKED), SealTable.REVOCATION_REASON));
        Instant revokedAt = TABLE.revokedAt(REVOKED);
        assertThat(statuses.statusAt(TABLE.esId(REVOKED), revokedAt.minusMillis(1)).status())
                .isEqualTo(SealStatus.VALID);
        assertThat(statuses.statusAt(TABLE.esId(REVOKED), revokedAt).status()).isEqualTo(SealStatus.REVOKED);
        assertThat(statuses.statusAt(TABLE.esId(VALID), TABLE.validStart(VALID).minusMillis(1)).status())
                .isEqualTo(SealStatus.UNKNOWN);
    }

    @Test
    void theModulePublishesTheRevokedSeals() throws SQLException {
        node.publishRevocationList();
        assertThat(count("SELECT entry_count FROM seal_status_srl ORDER BY number DESC LIMIT 1")).isEqualTo(100);
    }

    @Test
    void loadedRowsEqualTheRowsTheModuleWritesForTheSameSeal() throws SQLException {
        // a database of its own: the module's writes must not change what the other tests read
        try (BenchDatabase own = BenchDatabase.createAndLoad(TABLE, line -> { });
             StatusNode writer = StatusNode.start(own)) {
            SealStatusService statuses = writer.statuses();
            for (int i : new int[] {REVOKED, VALID}) {
                String twin = "twin-" + i;
                statuses.register(new SealRegistration(twin, SealTable.UNIT_NAME, SealTable.SEAL_NAME,
                        SealTable.REGION_CODE, TABLE.certificateSerial(i), TABLE.validStart(i), TABLE.validEnd(i)));
                if (TABLE.isRevoked(i)) {
                    statuses.recordChange(twin, SealStatus.REVOKED, TABLE.revokedAt(i), SealTable.REVOCATION_REASON);
                }
                assertThat(rows(own, "SELECT * FROM seal_status WHERE es_id = ?", twin))
                        .isEqualTo(rows(own, "SELECT * FROM seal_status WHERE es_id = ?", TABLE.esId(i)));
                String history = "SELECT * FROM seal_status_history WHERE es_id = ? ORDER BY version";
                assertThat(rows(own, history, twin))
                        .isEqualTo(rows(own, history, TABLE.esId(i)))
                        .hasSize(TABLE.isRevoked(i) ? 2 : 1);
            }
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password()); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The rows' columns other than the identity and the write-time clocks. */
    private static List<Map<String, Object>> rows(BenchDatabase in, String sql, String esId) throws SQLException {
        try (Connection c = DriverManager.getConnection(in.url(), in.user(), in.password());
             PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, esId);
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int k = 1; k <= meta.getColumnCount(); k++) {
                        if (!CLOCK_COLUMNS.contains(meta.getColumnName(k))) {
                            row.put(meta.getColumnName(k), rs.getObject(k));
                        }
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }
}
