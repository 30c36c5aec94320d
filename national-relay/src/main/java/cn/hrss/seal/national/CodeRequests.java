package cn.hrss.seal.national;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** This node's own requests for national codes ({@code national_code_request}). */
final class CodeRequests {
    enum State { PENDING, ASSIGNED, FILED }

    record Row(String requestId, String sealId, String unitRegionCode, State state, String esId, Instant requestedAt,
               Instant assignedAt, Instant filedAt, boolean publicSecurityKey, String publicSecuritySealInfo) {
    }

    private final JdbcTemplate jdbc;

    CodeRequests(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String requestId, String sealId, String unitRegionCode, Instant now) {
        jdbc.update("INSERT INTO national_code_request (request_id, seal_id, unit_region_code, state, requested_at)"
                + " VALUES (?, ?, ?, 'PENDING', ?)", requestId, sealId, unitRegionCode, Timestamp.from(now));
    }

    Optional<Row> byRequest(String requestId) {
        return one("request_id", requestId);
    }

    Optional<Row> bySeal(String sealId) {
        return one("seal_id", sealId);
    }

    /** PENDING -> ASSIGNED once; false when it was not pending (a repeated answer). */
    boolean assigned(String requestId, String esId, byte[] publicSecurityKey, String publicSecuritySealInfo,
                     Instant now) {
        return jdbc.update("UPDATE national_code_request SET state = 'ASSIGNED', es_id = ?, assigned_at = ?,"
                        + " public_security_key = ?, public_security_seal_info = ? WHERE request_id = ?"
                        + " AND state = 'PENDING'", esId, Timestamp.from(now),
                java.util.Base64.getEncoder().encodeToString(publicSecurityKey), publicSecuritySealInfo,
                requestId) == 1;
    }

    void filed(String requestId, Instant now) {
        jdbc.update("UPDATE national_code_request SET state = 'FILED', filed_at = ? WHERE request_id = ?",
                Timestamp.from(now), requestId);
    }

    List<Row> recent(int limit) {
        return jdbc.query("SELECT * FROM national_code_request ORDER BY requested_at DESC LIMIT ?", this::row, limit);
    }

    private Optional<Row> one(String column, String value) {
        return jdbc.query("SELECT * FROM national_code_request WHERE " + column + " = ?", this::row, value).stream()
                .findFirst();
    }

    private Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(rs.getString("request_id"), rs.getString("seal_id"), rs.getString("unit_region_code"),
                State.valueOf(rs.getString("state")), rs.getString("es_id"), instant(rs.getTimestamp("requested_at")),
                instant(rs.getTimestamp("assigned_at")), instant(rs.getTimestamp("filed_at")),
                rs.getString("public_security_key") != null, rs.getString("public_security_seal_info"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    static Map<String, Object> view(Row r) {
        Map<String, Object> view = new java.util.LinkedHashMap<>();
        view.put("requestId", r.requestId());
        view.put("sealId", r.sealId());
        view.put("state", r.state().name());
        view.put("esId", r.esId());
        view.put("requestedAt", r.requestedAt());
        view.put("assignedAt", r.assignedAt());
        view.put("filedAt", r.filedAt());
        // only whether it came: the key stays enveloped to this node's key in the database
        view.put("publicSecurityKeyReceived", r.publicSecurityKey());
        view.put("publicSecuritySealInfo", r.publicSecuritySealInfo());
        return view;
    }
}
