package cn.hrss.seal.contract;

import cn.hrss.seal.core.error.SealException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** Rows of contracts, their parties and versions; every query that lists is scoped to one institution. */
class ContractStore {
    static final String NOT_FOUND = "CONTRACT_NOT_FOUND";

    enum Status { IN_PROGRESS, REJECTED, WITHDRAWN, EXPIRED, ARCHIVED }

    enum SigningOrder { SEQUENTIAL, PARALLEL }

    enum PartyStatus { WAITING, INVITED, SIGNING, SIGNED, REJECTED }

    record Contract(String id, String title, String kind, SigningOrder order, Status status, String initiatorId,
                    String initiatorUser, Instant createdAt, Instant deadline, Optional<Instant> closedAt,
                    Optional<String> closeReason, int currentVersion, String evidenceSalt) {
    }

    record Party(String contractId, int position, String institutionId, String esId, String notifyEmail,
                 PartyStatus status, Optional<Instant> invitedAt, Optional<String> signRequestId,
                 Optional<Integer> baseVersion, Optional<Instant> signedAt, Optional<String> rejectReason) {
    }

    record Version(int version, String contentSm3, Optional<String> signRequestId, Instant createdAt) {
    }

    record Page<T>(List<T> items, int page, int size, long total) {
    }

    private final JdbcTemplate jdbc;

    ContractStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Contract> find(String id) {
        return jdbc.query("SELECT * FROM contract WHERE id = ?", ContractStore::contract, id).stream().findFirst();
    }

    /** The contract, locked for the rest of the transaction: changes of one contract are serialised. */
    Contract lock(String id) {
        return jdbc.query("SELECT * FROM contract WHERE id = ? FOR UPDATE", ContractStore::contract, id).stream()
                .findFirst().orElseThrow(() -> notFound(id));
    }

    List<Party> parties(String contractId) {
        return jdbc.query("SELECT * FROM contract_party WHERE contract_id = ? ORDER BY position", ContractStore::party,
                contractId);
    }

    Optional<Party> partyByLink(String linkSm3) {
        return jdbc.query("SELECT * FROM contract_party WHERE link_sm3 = ?", ContractStore::party, linkSm3).stream()
                .findFirst();
    }

    Optional<Party> partyBySignRequest(String signRequestId) {
        return jdbc.query("SELECT * FROM contract_party WHERE sign_request_id = ?", ContractStore::party,
                signRequestId).stream().findFirst();
    }

    List<Version> versions(String contractId) {
        return jdbc.query("SELECT version, content_sm3, sign_request_id, created_at FROM contract_version"
                        + " WHERE contract_id = ? ORDER BY version",
                (rs, n) -> new Version(rs.getInt("version"), rs.getString("content_sm3"),
                        Optional.ofNullable(rs.getString("sign_request_id")),
                        rs.getTimestamp("created_at").toInstant()), contractId);
    }

    byte[] content(String contractId, int version) {
        return jdbc.queryForObject("SELECT content FROM contract_version WHERE contract_id = ? AND version = ?",
                (rs, n) -> rs.getBytes(1), contractId, version);
    }

    String contentSm3(String contractId, int version) {
        return jdbc.queryForObject("SELECT content_sm3 FROM contract_version WHERE contract_id = ? AND version = ?",
                String.class, contractId, version);
    }

    /** Whether the institution initiated the contract or is one of its parties: the only ones who see it. */
    boolean involves(Contract contract, String institutionId) {
        return contract.initiatorId().equals(institutionId) || jdbc.queryForObject("SELECT COUNT(*) FROM"
                + " contract_party WHERE contract_id = ? AND institution_id = ?", Integer.class, contract.id(),
                institutionId) > 0;
    }

    /** Contracts the institution initiated or takes part in, newest first. */
    Page<Contract> list(String institutionId, Optional<String> party, Optional<Status> status,
                        Optional<Instant> from, Optional<Instant> to, int page, int size) {
        StringBuilder where = new StringBuilder(" FROM contract c WHERE (c.initiator_id = ? OR EXISTS (SELECT 1"
                + " FROM contract_party p WHERE p.contract_id = c.id AND p.institution_id = ?))");
        List<Object> args = new ArrayList<>(List.of(institutionId, institutionId));
        party.ifPresent(p -> {
            where.append(" AND EXISTS (SELECT 1 FROM contract_party q WHERE q.contract_id = c.id"
                    + " AND q.institution_id = ?)");
            args.add(p);
        });
        status.ifPresent(s -> {
            where.append(" AND c.status = ?");
            args.add(s.name());
        });
        from.ifPresent(f -> {
            where.append(" AND c.created_at >= ?");
            args.add(Timestamp.from(f));
        });
        to.ifPresent(t -> {
            where.append(" AND c.created_at < ?");
            args.add(Timestamp.from(t));
        });
        Long total = jdbc.queryForObject("SELECT COUNT(*)" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<Contract> items = jdbc.query("SELECT c.*" + where + " ORDER BY c.created_at DESC, c.id LIMIT ? OFFSET ?",
                ContractStore::contract, pageArgs.toArray());
        return new Page<>(items, page, size, total == null ? 0 : total);
    }

    List<String> dueForExpiry(Instant now) {
        return jdbc.queryForList("SELECT id FROM contract WHERE status = 'IN_PROGRESS' AND deadline <= ?",
                String.class, Timestamp.from(now));
    }

    /** Counts one view, link opening or download by the institution. */
    void countRead(String contractId, String institutionId, Instant at) {
        jdbc.update("INSERT INTO contract_read (contract_id, institution_id, reads, last_read_at) VALUES (?, ?, 0, ?)"
                + " ON CONFLICT DO NOTHING", contractId, institutionId, Timestamp.from(at));
        jdbc.update("UPDATE contract_read SET reads = reads + 1, last_read_at = ? WHERE contract_id = ?"
                + " AND institution_id = ?", Timestamp.from(at), contractId, institutionId);
    }

    java.util.Map<String, Integer> reads(String contractId) {
        java.util.Map<String, Integer> reads = new java.util.HashMap<>();
        jdbc.query("SELECT institution_id, reads FROM contract_read WHERE contract_id = ?",
                rs -> {
                    reads.put(rs.getString(1), rs.getInt(2));
                }, contractId);
        return reads;
    }

    static SealException notFound(String id) {
        return SealException.notFound(NOT_FOUND, "no contract " + Texts.clip(id));
    }

    private static Contract contract(ResultSet rs, int n) throws SQLException {
        return new Contract(rs.getString("id"), rs.getString("title"), rs.getString("kind"),
                SigningOrder.valueOf(rs.getString("signing_order")), Status.valueOf(rs.getString("status")),
                rs.getString("initiator_id"), rs.getString("initiator_user"), instant(rs, "created_at").orElseThrow(),
                instant(rs, "deadline").orElseThrow(), instant(rs, "closed_at"),
                Optional.ofNullable(rs.getString("close_reason")), rs.getInt("current_version"),
                rs.getString("evidence_salt"));
    }

    private static Party party(ResultSet rs, int n) throws SQLException {
        int base = rs.getInt("base_version");
        Optional<Integer> baseVersion = rs.wasNull() ? Optional.empty() : Optional.of(base);
        return new Party(rs.getString("contract_id"), rs.getInt("position"), rs.getString("institution_id"),
                rs.getString("es_id"), rs.getString("notify_email"), PartyStatus.valueOf(rs.getString("status")),
                instant(rs, "invited_at"), Optional.ofNullable(rs.getString("sign_request_id")),
                baseVersion, instant(rs, "signed_at"),
                Optional.ofNullable(rs.getString("reject_reason")));
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getTimestamp(column)).map(Timestamp::toInstant);
    }
}
