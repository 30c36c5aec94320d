package cn.hrss.seal.servicemgmt.parent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** This node's applications to its parent, newest last. */
final class ParentRegistrationStore {
    private static final String COLUMNS =
            "registration_id, parent_url, signer_id, status, applied_at, checked_at, last_answer, certificate";

    private final JdbcTemplate jdbc;

    ParentRegistrationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ParentRegistration r) {
        jdbc.update("INSERT INTO service_parent_registration (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                r.registrationId(), r.parentUrl(), r.signerId(), r.status().name(), Timestamp.from(r.appliedAt()),
                Timestamp.from(r.checkedAt()), r.lastAnswer(), r.certificate());
    }

    void update(ParentRegistration r) {
        jdbc.update("UPDATE service_parent_registration SET status = ?, checked_at = ?, last_answer = ?,"
                        + " certificate = ? WHERE registration_id = ?", r.status().name(), Timestamp.from(r.checkedAt()),
                r.lastAnswer(), r.certificate(), r.registrationId());
    }

    Optional<ParentRegistration> latest() {
        return jdbc.query("SELECT " + COLUMNS + " FROM service_parent_registration ORDER BY applied_at DESC,"
                + " registration_id", ParentRegistrationStore::row).stream().findFirst();
    }

    private static ParentRegistration row(ResultSet rs, int n) throws SQLException {
        return new ParentRegistration(rs.getString("registration_id"), rs.getString("parent_url"),
                rs.getString("signer_id"), ParentRegistration.Status.valueOf(rs.getString("status")),
                instant(rs, "applied_at"), instant(rs, "checked_at"), rs.getString("last_answer"),
                rs.getString("certificate"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }
}
