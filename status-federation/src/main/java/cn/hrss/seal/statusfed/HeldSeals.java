package cn.hrss.seal.statusfed;

import cn.hrss.seal.core.message.SignerId;
import cn.hrss.seal.status.api.SealHistory;
import cn.hrss.seal.status.api.SealRegistration;
import cn.hrss.seal.status.api.SealStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Seals this node holds for the federation (tables {@code statusfed_*}): SYNCED from below without expiry, CACHED
 * from above until {@code expires_at}. Never this node's own seals: those live in the status ledger.
 */
final class HeldSeals {
    enum Source { SYNCED, CACHED }

    /** A held seal and where it came from. */
    record Held(SealHistory history, Source source, Instant expiresAt) {
        boolean freshAt(Instant now) {
            return source == Source.SYNCED || (expiresAt != null && expiresAt.isAfter(now));
        }
    }

    private final JdbcTemplate jdbc;

    HeldSeals(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Held> find(String esId) {
        List<Held> rows = jdbc.query("SELECT * FROM statusfed_seal WHERE es_id = ?", (rs, n) -> {
            SealRegistration registration = new SealRegistration(rs.getString("es_id"), rs.getString("unit_name"),
                    rs.getString("seal_name"), rs.getString("region_code"), rs.getString("certificate_serial"),
                    instant(rs, "valid_start"), instant(rs, "valid_end"));
            return new Held(new SealHistory(registration, versions(esId)), Source.valueOf(rs.getString("source")),
                    instant(rs, "expires_at"));
        }, esId);
        return rows.stream().findFirst();
    }

    /**
     * Records one version from a status.change; the seal row is created or its registration refreshed (a renewal
     * changes the end). A version already held is left as it is (at-least-once delivery).
     *
     * @return true when the version was new
     */
    boolean apply(StatusChangeBody change, Source source, SignerId origin, Instant now, Instant expiresAt) {
        upsertSeal(change.registration(), source, origin, now, expiresAt);
        return insertVersion(change.esId(), change.asVersion(), now);
    }

    /** Replaces what is cached about a seal by an answer from above. */
    void cache(SealHistory history, SignerId origin, Instant now, Instant expiresAt) {
        upsertSeal(history.registration(), Source.CACHED, origin, now, expiresAt);
        for (SealHistory.Version v : history.versions()) {
            insertVersion(history.registration().esId(), v, now);
        }
    }

    /**
     * Asked before: one subscription is enough. {@code ON CONFLICT DO NOTHING} (PostgreSQL, H2 in its PostgreSQL
     * mode) rather than catching the duplicate: on PostgreSQL a failed statement aborts the whole transaction.
     */
    void subscribe(String esId, String destination, Instant now) {
        jdbc.update("INSERT INTO statusfed_subscription (es_id, destination, subscribed_at) VALUES (?, ?, ?)"
                + " ON CONFLICT DO NOTHING", esId, destination, Timestamp.from(now));
    }

    List<String> subscribers(String esId) {
        return jdbc.queryForList("SELECT destination FROM statusfed_subscription WHERE es_id = ? ORDER BY destination",
                String.class, esId);
    }

    private void upsertSeal(SealRegistration r, Source source, SignerId origin, Instant now, Instant expiresAt) {
        int updated = jdbc.update("UPDATE statusfed_seal SET region_code = ?, unit_name = ?, seal_name = ?,"
                        + " certificate_serial = ?, valid_start = ?, valid_end = ?, updated_at = ? WHERE es_id = ?",
                r.regionCode(), r.unitName(), r.sealName(), r.certificateSerial(), Timestamp.from(r.validStart()),
                Timestamp.from(r.validEnd()), Timestamp.from(now), r.esId());
        if (updated > 0) {
            if (source == Source.SYNCED) {
                jdbc.update("UPDATE statusfed_seal SET source = 'SYNCED', expires_at = NULL WHERE es_id = ?", r.esId());
            } else {
                // a SYNCED row never turns into a CACHED one: what came from below stays authoritative here
                jdbc.update("UPDATE statusfed_seal SET expires_at = ? WHERE es_id = ? AND source = 'CACHED'",
                        Timestamp.from(expiresAt), r.esId());
            }
            return;
        }
        int inserted = jdbc.update("INSERT INTO statusfed_seal (es_id, region_code, unit_name, seal_name,"
                        + " certificate_serial, valid_start, valid_end, source, origin_signer, expires_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                r.esId(), r.regionCode(), r.unitName(), r.sealName(), r.certificateSerial(),
                Timestamp.from(r.validStart()), Timestamp.from(r.validEnd()), source.name(), origin.hex(),
                expiresAt == null ? null : Timestamp.from(expiresAt), Timestamp.from(now));
        if (inserted == 0) {
            // another transaction inserted it meanwhile: update that row instead
            upsertSeal(r, source, origin, now, expiresAt);
        }
    }

    /** False when the version is held already (at-least-once delivery, or cached from above before it came up). */
    private boolean insertVersion(String esId, SealHistory.Version v, Instant now) {
        return jdbc.update("INSERT INTO statusfed_version (es_id, version, status, since, reason, received_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                esId, v.version(), v.status().name(), Timestamp.from(v.since()), v.reason(), Timestamp.from(now)) == 1;
    }

    private List<SealHistory.Version> versions(String esId) {
        return jdbc.query("SELECT * FROM statusfed_version WHERE es_id = ? ORDER BY version", (rs, n) ->
                new SealHistory.Version(rs.getLong("version"), SealStatus.valueOf(rs.getString("status")),
                        instant(rs, "since"), rs.getString("reason")), esId);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
