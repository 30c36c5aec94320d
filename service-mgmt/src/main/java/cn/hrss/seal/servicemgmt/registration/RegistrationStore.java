package cn.hrss.seal.servicemgmt.registration;

import cn.hrss.seal.ca.api.Tier;
import cn.hrss.seal.servicemgmt.api.RegistrationApplication;
import cn.hrss.seal.servicemgmt.api.SystemKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code service_registration} table. */
@Repository
class RegistrationStore {
    private static final String COLUMNS = "id, signer_id, system_name, organisation, kinds, base_url, tier, "
            + "region_code, public_key, status, opinion, reviewed_by, applied_at, reviewed_at, certificate_serial, "
            + "certificate, deregistered_at";
    private final JdbcTemplate jdbc;

    RegistrationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String id, String signerId, String messageId, RegistrationApplication a, Instant now) {
        jdbc.update("INSERT INTO service_registration (id, signer_id, message_id, system_name, organisation, kinds, "
                        + "base_url, tier, region_code, public_key, access_test_document, access_test_digest, "
                        + "access_test_signature, status, applied_at, live_signer_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                id, signerId, messageId, a.systemName(), a.organisation(), kinds(a.kinds()), a.baseUrl().toString(),
                a.tier().name(), a.region().value(), HexFormat.of().formatHex(a.publicKey().uncompressed()),
                Base64.getEncoder().encodeToString(a.accessTestReport().document()),
                HexFormat.of().formatHex(a.accessTestReport().digest()),
                Base64.getEncoder().encodeToString(a.accessTestReport().signature()),
                RegistrationStatus.PENDING.name(), Timestamp.from(now), signerId);
    }

    Optional<Registration> find(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM service_registration WHERE id = ?", RegistrationStore::row, id)
                .stream().findFirst();
    }

    Optional<String> findByMessage(String signerId, String messageId) {
        return jdbc.queryForList("SELECT id FROM service_registration WHERE signer_id = ? AND message_id = ?",
                String.class, signerId, messageId).stream().findFirst();
    }

    /** Registrations of this key still pending or approved. */
    boolean keyInUse(String signerId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM service_registration WHERE signer_id = ? "
                + "AND status IN ('PENDING', 'APPROVED')", Integer.class, signerId);
        return n != null && n > 0;
    }

    List<Registration> list(Optional<RegistrationStatus> status) {
        return status.map(s -> jdbc.query("SELECT " + COLUMNS + " FROM service_registration WHERE status = ? "
                        + "ORDER BY applied_at, id", RegistrationStore::row, s.name()))
                .orElseGet(() -> jdbc.query("SELECT " + COLUMNS + " FROM service_registration ORDER BY applied_at, id",
                        RegistrationStore::row));
    }

    /** Registrations with a certificate (approved or deregistered): the trust list's entries. */
    List<Registration> certified() {
        return jdbc.query("SELECT " + COLUMNS + " FROM service_registration WHERE certificate IS NOT NULL "
                + "ORDER BY applied_at, id", RegistrationStore::row);
    }

    /** Moves a registration from {@code from}; false when someone else moved it first. */
    boolean review(String id, RegistrationStatus from, RegistrationStatus to, String opinion, String reviewer,
                   Instant at, String serial, String certificate) {
        return jdbc.update("UPDATE service_registration SET status = ?, opinion = ?, reviewed_by = ?, reviewed_at = ?, "
                        + "certificate_serial = ?, certificate = ?, live_signer_id = CASE WHEN ? THEN live_signer_id "
                        + "END WHERE id = ? AND status = ?", to.name(), opinion, reviewer, Timestamp.from(at), serial,
                certificate, to == RegistrationStatus.APPROVED, id, from.name()) == 1;
    }

    boolean deregister(String id, Instant at) {
        return jdbc.update("UPDATE service_registration SET status = ?, deregistered_at = ?, live_signer_id = NULL "
                        + "WHERE id = ? AND status = ?",
                RegistrationStatus.DEREGISTERED.name(), Timestamp.from(at), id, RegistrationStatus.APPROVED.name()) == 1;
    }

    private static String kinds(Set<SystemKind> kinds) {
        return EnumSet.copyOf(kinds).stream().map(Enum::name).collect(Collectors.joining(","));
    }

    private static Registration row(ResultSet rs, int n) throws SQLException {
        Set<SystemKind> kinds = EnumSet.noneOf(SystemKind.class);
        Arrays.stream(rs.getString("kinds").split(",")).forEach(k -> kinds.add(SystemKind.valueOf(k)));
        return new Registration(rs.getString("id"), rs.getString("signer_id").trim(), rs.getString("system_name"),
                rs.getString("organisation"), kinds, rs.getString("base_url"), Tier.valueOf(rs.getString("tier")),
                rs.getString("region_code"), rs.getString("public_key"),
                RegistrationStatus.valueOf(rs.getString("status")), rs.getString("opinion"),
                rs.getString("reviewed_by"), instant(rs, "applied_at"), instant(rs, "reviewed_at"),
                rs.getString("certificate_serial"), rs.getString("certificate"), instant(rs, "deregistered_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
