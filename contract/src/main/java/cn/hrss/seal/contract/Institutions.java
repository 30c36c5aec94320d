package cn.hrss.seal.contract;

import cn.hrss.seal.accounts.api.SealPrincipal;
import cn.hrss.seal.audit.api.AuditEntry;
import cn.hrss.seal.audit.api.AuditOutcome;
import cn.hrss.seal.audit.api.AuditTrail;
import cn.hrss.seal.core.error.SealException;
import cn.hrss.seal.core.identity.InvalidIdentifierException;
import cn.hrss.seal.core.identity.UnifiedCreditCode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * Institutions that sign contracts and the account users acting for them. Registration and membership are a
 * business administrator's work; deregistration disables the institution (no new contracts, its users refused)
 * but keeps every row, so the other parties keep their archive.
 */
class Institutions {
    static final String NOT_FOUND = "CONTRACT_INSTITUTION_NOT_FOUND";
    static final String INVALID = "CONTRACT_INSTITUTION_INVALID";
    static final String DUPLICATE = "CONTRACT_INSTITUTION_DUPLICATE";
    static final String DEREGISTERED = "CONTRACT_INSTITUTION_DEREGISTERED";
    static final String BUSY = "CONTRACT_INSTITUTION_BUSY";
    static final String NOT_A_MEMBER = "CONTRACT_NOT_A_MEMBER";
    static final String MEMBER_TAKEN = "CONTRACT_MEMBER_TAKEN";
    static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*");

    enum Status { ACTIVE, DEREGISTERED }

    record Institution(String id, String name, String creditCode, String contactEmail, Status status,
                       Instant registeredAt, Optional<Instant> deregisteredAt) {
    }

    /** An institution as every signed-in user may look it up. */
    record Directory(String id, String name, String creditCode, Status status) {
    }

    /** The caller as a user of an active institution. */
    record Member(String username, String institutionId) {
    }

    private final JdbcTemplate jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    Institutions(JdbcTemplate jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    Institution register(String name, String creditCode, String contactEmail, String actor) {
        if (name == null || name.isBlank() || name.length() > 200 || !Texts.oneLine(name)) {
            throw SealException.badRequest(INVALID, "name is required: one line of at most 200 characters");
        }
        String code;
        try {
            code = UnifiedCreditCode.parse(String.valueOf(creditCode)).value();
        } catch (InvalidIdentifierException e) {
            throw SealException.badRequest(INVALID, "creditCode is not a valid unified social credit code");
        }
        requireEmail(contactEmail, INVALID);
        if (!jdbc.queryForList("SELECT id FROM contract_institution WHERE credit_code = ?", String.class, code)
                .isEmpty()) {
            throw SealException.conflict(DUPLICATE, "an institution with this credit code is registered");
        }
        String id = UUID.randomUUID().toString();
        Instant now = Texts.now(clock);
        jdbc.update("INSERT INTO contract_institution (id, name, credit_code, contact_email, status, registered_at)"
                + " VALUES (?, ?, ?, ?, 'ACTIVE', ?)", id, name, code, contactEmail, Timestamp.from(now));
        audit.record(new AuditEntry("user:" + actor, "contract.institution.register", "institution:" + id,
                AuditOutcome.SUCCESS, Map.of("creditCode", code)));
        return find(id).orElseThrow();
    }

    @Transactional
    void addMember(String institutionId, String username, String actor) {
        Institution institution = require(institutionId);
        if (institution.status() != Status.ACTIVE) {
            throw SealException.conflict(DEREGISTERED, "the institution is deregistered");
        }
        if (username == null || username.isBlank() || username.length() > 64) {
            throw SealException.badRequest(INVALID, "username is required");
        }
        if (!jdbc.queryForList("SELECT institution_id FROM contract_member WHERE username = ?", String.class,
                username).isEmpty()) {
            throw SealException.conflict(MEMBER_TAKEN, "the user already acts for an institution");
        }
        jdbc.update("INSERT INTO contract_member (username, institution_id, added_at) VALUES (?, ?, ?)", username,
                institutionId, Timestamp.from(Texts.now(clock)));
        audit.record(new AuditEntry("user:" + actor, "contract.institution.member", "institution:" + institutionId,
                AuditOutcome.SUCCESS, Map.of("username", username)));
    }

    /** Refused while a contract it initiated or takes part in is still in progress: those must end first. */
    @Transactional
    Institution deregister(String institutionId, String actor) {
        Institution institution = require(institutionId);
        if (institution.status() != Status.ACTIVE) {
            throw SealException.conflict(DEREGISTERED, "the institution is already deregistered");
        }
        Integer open = jdbc.queryForObject("SELECT COUNT(*) FROM contract c WHERE c.status = 'IN_PROGRESS' AND"
                + " (c.initiator_id = ? OR EXISTS (SELECT 1 FROM contract_party p WHERE p.contract_id = c.id"
                + " AND p.institution_id = ?))", Integer.class, institutionId, institutionId);
        if (open != null && open > 0) {
            throw new SealException(BUSY, 409, "contracts of the institution are still in progress",
                    Map.of("inProgress", open), null);
        }
        jdbc.update("UPDATE contract_institution SET status = 'DEREGISTERED', deregistered_at = ? WHERE id = ?",
                Timestamp.from(Texts.now(clock)), institutionId);
        audit.record(AuditEntry.of("user:" + actor, "contract.institution.deregister", "institution:"
                + institutionId, AuditOutcome.SUCCESS));
        return require(institutionId);
    }

    Institution require(String id) {
        return find(id).orElseThrow(() -> SealException.notFound(NOT_FOUND, "no institution " + id));
    }

    Institution byCreditCode(String creditCode) {
        return jdbc.query("SELECT * FROM contract_institution WHERE credit_code = ?", Institutions::row,
                        String.valueOf(creditCode).trim()).stream().findFirst()
                .orElseThrow(() -> SealException.notFound(NOT_FOUND, "no institution with this credit code"));
    }

    Optional<Institution> find(String id) {
        return jdbc.query("SELECT * FROM contract_institution WHERE id = ?", Institutions::row, id).stream()
                .findFirst();
    }

    /** The institution a user acts for, if any. */
    Optional<String> institutionOf(String username) {
        return jdbc.queryForList("SELECT institution_id FROM contract_member WHERE username = ?", String.class,
                username).stream().findFirst();
    }

    /** The caller's institution; 403 when the caller acts for none or for a deregistered one. */
    Member member(SealPrincipal caller) {
        Optional<String> institutionId = jdbc.queryForList("SELECT institution_id FROM contract_member WHERE"
                + " username = ?", String.class, caller.id()).stream().findFirst();
        if (institutionId.isEmpty()) {
            throw SealException.forbidden(NOT_A_MEMBER, "the caller acts for no registered institution");
        }
        if (require(institutionId.get()).status() != Status.ACTIVE) {
            throw SealException.forbidden(DEREGISTERED, "the caller's institution is deregistered");
        }
        return new Member(caller.id(), institutionId.get());
    }

    static void requireEmail(String email, String code) {
        if (email == null || email.length() > 254 || !EMAIL.matcher(email).matches()) {
            throw SealException.badRequest(code, "not an e-mail address: " + Texts.clip(email));
        }
    }

    private static Institution row(ResultSet rs, int n) throws SQLException {
        return new Institution(rs.getString("id"), rs.getString("name"), rs.getString("credit_code"),
                rs.getString("contact_email"), Status.valueOf(rs.getString("status")),
                rs.getTimestamp("registered_at").toInstant(),
                Optional.ofNullable(rs.getTimestamp("deregistered_at")).map(Timestamp::toInstant));
    }
}
