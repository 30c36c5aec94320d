package cn.hrss.seal.contract;

import cn.hrss.seal.audit.api.AuditEntry;
import cn.hrss.seal.audit.api.AuditOutcome;
import cn.hrss.seal.audit.api.AuditTrail;
import cn.hrss.seal.contract.ContractEvidence.Entry;
import cn.hrss.seal.contract.ContractEvidence.Event;
import cn.hrss.seal.contract.ContractStore.Contract;
import cn.hrss.seal.contract.ContractStore.Party;
import cn.hrss.seal.contract.ContractStore.PartyStatus;
import cn.hrss.seal.contract.ContractStore.SigningOrder;
import cn.hrss.seal.contract.ContractStore.Status;
import cn.hrss.seal.core.crypto.Sm3;
import cn.hrss.seal.core.error.SealException;
import cn.hrss.seal.making.api.SigningSeal;
import cn.hrss.seal.making.api.SigningSeals;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * A contract's life: an initiator files it with its parties, order and deadline; parties are invited (all at once,
 * or one after the other); any invited party may reject it, the initiator may withdraw it, the deadline expires it;
 * when every party has signed ({@link ContractSigning}) it is archived. Each step is an evidence leaf.
 */
class Contracts {
    static final String INVALID = "CONTRACT_INVALID";
    static final String DOCUMENT_TYPE = "CONTRACT_DOCUMENT_TYPE";
    static final String TOO_LARGE = "CONTRACT_TOO_LARGE";
    static final String DEADLINE_INVALID = "CONTRACT_DEADLINE_INVALID";
    static final String SEAL_NOT_OF_PARTY = "CONTRACT_SEAL_NOT_OF_PARTY";
    static final String NOT_IN_PROGRESS = "CONTRACT_NOT_IN_PROGRESS";
    static final String NOT_INITIATOR = "CONTRACT_NOT_INITIATOR";
    static final String NOT_A_PARTY = "CONTRACT_NOT_A_PARTY";
    static final String NOT_YOUR_TURN = "CONTRACT_NOT_YOUR_TURN";
    static final int MAX_PARTIES = 20;
    static final int MAX_REASON = 500;
    private static final SecureRandom RANDOM = new SecureRandom();

    record NewParty(String institutionId, String esId, String notifyEmail) {
    }

    record NewContract(String title, byte[] content, SigningOrder order, Instant deadline, List<NewParty> parties) {
    }

    private final JdbcTemplate jdbc;
    private final ContractStore store;
    private final Institutions institutions;
    private final ContractEvidence evidence;
    private final Notifications notifications;
    private final AuditTrail audit;
    private final ObjectProvider<SigningSeals> seals;
    private final Clock clock;
    private final long maxDocumentBytes;

    Contracts(JdbcTemplate jdbc, ContractStore store, Institutions institutions, ContractEvidence evidence,
              Notifications notifications, AuditTrail audit, ObjectProvider<SigningSeals> seals, Clock clock,
              long maxDocumentBytes) {
        this.jdbc = jdbc;
        this.store = store;
        this.institutions = institutions;
        this.evidence = evidence;
        this.notifications = notifications;
        this.audit = audit;
        this.seals = seals;
        this.clock = clock;
        this.maxDocumentBytes = maxDocumentBytes;
    }

    @Transactional
    Contract create(NewContract c, Institutions.Member initiator) {
        Instant now = Texts.now(clock);
        String kind = validate(c, now);
        String id = UUID.randomUUID().toString();
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        String sm3 = Texts.hex(Sm3.hash(c.content()));
        jdbc.update("INSERT INTO contract (id, title, kind, signing_order, status, initiator_id, initiator_user,"
                        + " created_at, deadline, current_version, evidence_salt)"
                        + " VALUES (?, ?, ?, ?, 'IN_PROGRESS', ?, ?, ?, ?, 0, ?)", id, c.title(), kind,
                c.order().name(), initiator.institutionId(), initiator.username(), Timestamp.from(now),
                Timestamp.from(c.deadline()), Texts.hex(salt));
        jdbc.update("INSERT INTO contract_version (contract_id, version, content, content_sm3, created_at)"
                + " VALUES (?, 0, ?, ?, ?)", id, c.content(), sm3, Timestamp.from(now));
        for (int i = 0; i < c.parties().size(); i++) {
            NewParty p = c.parties().get(i);
            jdbc.update("INSERT INTO contract_party (contract_id, position, institution_id, es_id, notify_email,"
                    + " status) VALUES (?, ?, ?, ?, ?, 'WAITING')", id, i, p.institutionId(), p.esId(),
                    p.notifyEmail());
        }
        Contract contract = store.find(id).orElseThrow();
        evidence.record(contract, new Entry(Event.CREATED, Optional.empty(), Optional.of(initiator.institutionId()),
                Optional.of(initiator.username()), sm3, Optional.empty(), now));
        List<Party> parties = store.parties(id);
        for (Party p : c.order() == SigningOrder.SEQUENTIAL ? parties.subList(0, 1) : parties) {
            invite(contract, p, now);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("documentSm3", sm3);
        details.put("parties", c.parties().size());
        details.put("order", c.order().name());
        audit.record(new AuditEntry("user:" + initiator.username(), "contract.create", "contract:" + id,
                AuditOutcome.SUCCESS, details));
        return contract;
    }

    /** An invited party rejects the contract: it ends for everyone. */
    @Transactional(noRollbackFor = ContractClosedException.class)
    Contract reject(String id, String reason, Institutions.Member member) {
        requireReason(reason);
        Contract contract = inProgress(id, member);
        Party party = store.parties(id).stream().filter(p -> p.institutionId().equals(member.institutionId()))
                .findFirst().orElseThrow(() -> SealException.forbidden(NOT_A_PARTY,
                        "only a party may reject the contract"));
        if (party.status() != PartyStatus.INVITED && party.status() != PartyStatus.SIGNING) {
            throw new SealException(NOT_YOUR_TURN, 409, "the party may not reject now",
                    Map.of("partyStatus", party.status().name()), null);
        }
        Instant now = Texts.now(clock);
        jdbc.update("UPDATE contract_party SET status = 'REJECTED', reject_reason = ? WHERE contract_id = ?"
                + " AND position = ?", reason, id, party.position());
        close(contract, Status.REJECTED, reason, Optional.of(party.position()), member, now);
        return store.find(id).orElseThrow();
    }

    @Transactional(noRollbackFor = ContractClosedException.class)
    Contract withdraw(String id, String reason, Institutions.Member member) {
        requireReason(reason);
        Contract contract = inProgress(id, member);
        if (!contract.initiatorId().equals(member.institutionId())) {
            throw SealException.forbidden(NOT_INITIATOR, "only the initiating institution may withdraw");
        }
        close(contract, Status.WITHDRAWN, reason, Optional.empty(), member, Texts.now(clock));
        return store.find(id).orElseThrow();
    }

    /** Expires every contract whose deadline has passed; run on a schedule (and lazily on access). */
    @Transactional
    int expireDue() {
        int expired = 0;
        for (String id : store.dueForExpiry(Texts.now(clock))) {
            if (expireIfDue(store.lock(id))) {
                expired++;
            }
        }
        return expired;
    }

    /** Within the caller's transaction, with the contract locked: whether it was due and is now EXPIRED. */
    boolean expireIfDue(Contract locked) {
        Instant now = Texts.now(clock);
        if (locked.status() != Status.IN_PROGRESS || locked.deadline().isAfter(now)) {
            return false;
        }
        close(locked, Status.EXPIRED, "deadline " + locked.deadline() + " passed", Optional.empty(), null, now);
        return true;
    }

    /** Invites a party: a fresh link token (stored as its SM3), an in-site message, a mail after commit. */
    void invite(Contract contract, Party party, Instant now) {
        String token = LinkTokens.next();
        jdbc.update("UPDATE contract_party SET status = 'INVITED', link_sm3 = ?, invited_at = ? WHERE contract_id = ?"
                + " AND position = ?", LinkTokens.sm3(token), Timestamp.from(now), contract.id(), party.position());
        notifications.invite(contract, party, token, now);
        evidence.record(contract, new Entry(Event.NOTIFIED, Optional.of(party.position()),
                Optional.of(party.institutionId()), Optional.empty(),
                store.contentSm3(contract.id(), contract.currentVersion()), Optional.empty(), now));
    }

    /** Ends the contract (locked by the caller) with its final status; everyone involved is told. */
    void close(Contract contract, Status status, String reason, Optional<Integer> party, Institutions.Member actor,
               Instant now) {
        jdbc.update("UPDATE contract SET status = ?, closed_at = ?, close_reason = ? WHERE id = ?", status.name(),
                Timestamp.from(now), reason, contract.id());
        Event event = Event.valueOf(status.name());
        evidence.record(contract, new Entry(event, party, Optional.ofNullable(actor)
                .map(Institutions.Member::institutionId), Optional.ofNullable(actor).map(Institutions.Member::username),
                store.contentSm3(contract.id(), contract.currentVersion()), Optional.empty(), now));
        notifications.closed(contract, store.parties(contract.id()), Notifications.Kind.valueOf(status.name()), now);
        audit.record(new AuditEntry(actor == null ? "system:contract" : "user:" + actor.username(),
                "contract." + status.name().toLowerCase(java.util.Locale.ROOT), "contract:" + contract.id(),
                AuditOutcome.SUCCESS, Map.of("status", status.name())));
    }

    /**
     * The contract, locked, for a change by the member: 404 unless the member's institution is involved (never
     * 403: a foreign contract's existence is not disclosed), expired on the spot when due, 409 unless in progress.
     */
    Contract inProgress(String id, Institutions.Member member) {
        Contract contract = store.find(id).filter(c -> store.involves(c, member.institutionId()))
                .orElseThrow(() -> ContractStore.notFound(id));
        contract = store.lock(id);
        if (expireIfDue(contract)) {
            // the expiry is committed with the refusal's transaction rolled back otherwise: report it as a state
            throw new ContractClosedException(id, Status.EXPIRED);
        }
        if (contract.status() != Status.IN_PROGRESS) {
            throw new ContractClosedException(id, contract.status());
        }
        return contract;
    }

    private String validate(NewContract c, Instant now) {
        if (c.title() == null || c.title().isBlank() || c.title().length() > 200 || !Texts.oneLine(c.title())) {
            throw SealException.badRequest(INVALID, "title is required: one line of at most 200 characters");
        }
        if (c.content() == null || c.content().length == 0) {
            throw SealException.badRequest(INVALID, "the contract document is required");
        }
        if (c.content().length > maxDocumentBytes) {
            throw new SealException(TOO_LARGE, 413, "the contract document is larger than " + maxDocumentBytes
                    + " bytes", Map.of("maxBytes", maxDocumentBytes), null);
        }
        String kind = kind(c.content()).orElseThrow(() -> SealException.badRequest(DOCUMENT_TYPE,
                "the contract document is neither PDF nor OFD"));
        if (c.order() == null) {
            throw SealException.badRequest(INVALID, "signingOrder must be SEQUENTIAL or PARALLEL");
        }
        Instant latest = now.atOffset(ZoneOffset.UTC).plusMonths(3).toInstant();
        if (c.deadline() == null || !c.deadline().isAfter(now) || c.deadline().isAfter(latest)) {
            throw SealException.badRequest(DEADLINE_INVALID, "the deadline must be in the future and at most three"
                    + " months away");
        }
        if (c.parties() == null || c.parties().isEmpty() || c.parties().size() > MAX_PARTIES) {
            throw SealException.badRequest(INVALID, "1.." + MAX_PARTIES + " parties");
        }
        Set<String> seen = new HashSet<>();
        for (NewParty p : c.parties()) {
            if (p == null || p.institutionId() == null || !seen.add(p.institutionId())) {
                throw SealException.badRequest(INVALID, "every party names a different institution");
            }
            Institutions.Institution institution = institutions.require(p.institutionId());
            if (institution.status() != Institutions.Status.ACTIVE) {
                throw SealException.conflict(Institutions.DEREGISTERED, "institution " + institution.id()
                        + " is deregistered");
            }
            if (p.esId() == null || p.esId().isBlank() || p.esId().length() > 64) {
                throw SealException.badRequest(INVALID, "every party names its seal (esId)");
            }
            Institutions.requireEmail(p.notifyEmail(), INVALID);
            SigningSeals known = seals.getIfAvailable();
            Optional<SigningSeal> seal = known == null ? Optional.empty() : known.find(p.esId());
            if (seal.isPresent() && !institution.creditCode().equals(seal.get().unitCreditCode())) {
                throw SealException.badRequest(SEAL_NOT_OF_PARTY, "seal " + p.esId() + " is not a seal of "
                        + institution.id());
            }
        }
        return kind;
    }

    /** By magic bytes, not by a declared type or file name. */
    static Optional<String> kind(byte[] content) {
        if (startsWith(content, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of("PDF");
        }
        if (startsWith(content, new byte[] {'P', 'K', 3, 4})) {
            return Optional.of("OFD");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON || !Texts.oneLine(reason)) {
            throw SealException.badRequest(INVALID, "reason is required: one line of at most " + MAX_REASON
                    + " characters");
        }
    }
}
