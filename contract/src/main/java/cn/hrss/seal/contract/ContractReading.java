package cn.hrss.seal.contract;

import cn.hrss.seal.audit.api.AuditEntry;
import cn.hrss.seal.audit.api.AuditOutcome;
import cn.hrss.seal.audit.api.AuditTrail;
import cn.hrss.seal.contract.ContractEvidence.Entry;
import cn.hrss.seal.contract.ContractEvidence.Event;
import cn.hrss.seal.contract.ContractStore.Contract;
import cn.hrss.seal.contract.ContractStore.Party;
import cn.hrss.seal.core.error.SealException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything an institution reads of its contracts, and only of its own: each view, link opening and download is
 * counted for the reading institution and audited; a contract the institution is not involved in is 404 (audited
 * as denied), exactly like one that does not exist. Reads expire a contract whose deadline has passed.
 */
class ContractReading {
    static final String LINK_NOT_FOUND = "CONTRACT_LINK_NOT_FOUND";
    static final String LINK_EXPIRED = "CONTRACT_LINK_EXPIRED";

    record PartyView(int position, String institutionId, String institutionName, String esId, String status,
                     Optional<Instant> invitedAt, Optional<Instant> signedAt, Optional<String> signRequestId,
                     Optional<String> rejectReason, int reads) {
    }

    record ContractView(String id, String title, String type, String signingOrder, String status,
                        String initiatorId, String initiatorName, Instant createdAt, Instant deadline,
                        Optional<Instant> closedAt, Optional<String> closeReason, int currentVersion,
                        String documentSm3, int initiatorReads, List<PartyView> parties) {
    }

    /** What an opened link shows: the contract and which party the link was for. */
    record LinkView(int partyPosition, ContractView contract) {
    }

    record Document(String fileName, String contentType, byte[] content) {
    }

    record EvidenceReport(String contractId, String status, String type, Instant createdAt,
                          Optional<Instant> closedAt, String originalSm3, String finalSm3,
                          List<SigningEvidence> signings, List<EventEvidence> events) {
    }

    record SigningEvidence(int position, String institutionId, String esId, String status, Optional<Instant> signedAt,
                           Optional<String> signRequestId, Optional<String> signedSm3) {
    }

    record EventEvidence(String event, Optional<Integer> party, Instant at, String leafHash, Optional<Long> leafIndex,
                         String leaf) {
    }

    record Message(String id, String contractId, String kind, String body, Instant createdAt) {
    }

    private final JdbcTemplate jdbc;
    private final ContractStore store;
    private final Contracts contracts;
    private final Institutions institutions;
    private final ContractEvidence evidence;
    private final AuditTrail audit;
    private final Clock clock;

    ContractReading(JdbcTemplate jdbc, ContractStore store, Contracts contracts, Institutions institutions,
                    ContractEvidence evidence, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.contracts = contracts;
        this.institutions = institutions;
        this.evidence = evidence;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    ContractView view(String id, Institutions.Member member) {
        Contract contract = visible(id, member, "contract.view");
        store.countRead(id, member.institutionId(), Texts.now(clock));
        return view(contract);
    }

    /** The contract as its changer sees it right after a change: not a read (no count, no audit of its own). */
    @Transactional(readOnly = true)
    ContractView afterChange(String id) {
        return view(store.find(id).orElseThrow(() -> ContractStore.notFound(id)));
    }

    @Transactional
    ContractStore.Page<ContractView> list(Institutions.Member member, Optional<String> party,
                                          Optional<ContractStore.Status> status, Optional<Instant> from,
                                          Optional<Instant> to, int page, int size) {
        contracts.expireDue();
        ContractStore.Page<Contract> found = store.list(member.institutionId(), party, status, from, to, page, size);
        audit.record(new AuditEntry("user:" + member.username(), "contract.list", "institution:"
                + member.institutionId(), AuditOutcome.SUCCESS, Map.of("count", found.items().size())));
        return new ContractStore.Page<>(found.items().stream().map(this::view).toList(), found.page(), found.size(),
                found.total());
    }

    /** The current version: the final signed document once archived. A DOWNLOADED evidence leaf each time. */
    @Transactional
    Document download(String id, Institutions.Member member) {
        Contract contract = visible(id, member, "contract.download");
        Instant now = Texts.now(clock);
        store.countRead(id, member.institutionId(), now);
        String sm3 = store.contentSm3(id, contract.currentVersion());
        evidence.record(contract, new Entry(Event.DOWNLOADED, Optional.empty(), Optional.of(member.institutionId()),
                Optional.of(member.username()), sm3, Optional.empty(), now));
        String type = contract.kind().equals("PDF") ? "application/pdf" : "application/ofd";
        return new Document("contract-" + id + "-v" + contract.currentVersion() + "." + contract.kind().toLowerCase(
                java.util.Locale.ROOT), type, store.content(id, contract.currentVersion()));
    }

    @Transactional
    EvidenceReport evidenceReport(String id, Institutions.Member member) {
        Contract contract = visible(id, member, "contract.evidence");
        store.countRead(id, member.institutionId(), Texts.now(clock));
        List<ContractStore.Version> versions = store.versions(id);
        List<SigningEvidence> signings = store.parties(id).stream().map(p -> new SigningEvidence(p.position(),
                p.institutionId(), p.esId(), p.status().name(), p.signedAt(), p.signRequestId().filter(r ->
                p.status() == ContractStore.PartyStatus.SIGNED), versions.stream().filter(v -> v.signRequestId()
                .isPresent() && v.signRequestId().equals(p.signRequestId())).map(ContractStore.Version::contentSm3)
                .findFirst())).toList();
        List<EventEvidence> events = jdbc.query("SELECT * FROM contract_event WHERE contract_id = ?"
                        + " ORDER BY seq", (rs, n) -> {
                    int party = rs.getInt("party_position");
                    Optional<Integer> position = rs.wasNull() ? Optional.empty() : Optional.of(party);
                    long index = rs.getLong("leaf_index");
                    Optional<Long> leafIndex = rs.wasNull() ? Optional.empty() : Optional.of(index);
                    return new EventEvidence(rs.getString("event"), position,
                            rs.getTimestamp("occurred_at").toInstant(), rs.getString("leaf_hash"), leafIndex,
                            rs.getString("leaf"));
                }, id);
        return new EvidenceReport(id, contract.status().name(), contract.kind(), contract.createdAt(),
                contract.closedAt(), versions.get(0).contentSm3(), versions.get(versions.size() - 1).contentSm3(),
                signings, events);
    }

    /**
     * Opens an invitation link: only a signed-in user of the invited institution gets anything back, anyone else
     * 404 as for an unknown token; a link past its deadline (or of a contract no longer in progress) is 410.
     */
    @Transactional(noRollbackFor = SealException.class)
    LinkView openLink(String token, Institutions.Member member) {
        if (!LinkTokens.wellFormed(token)) {
            throw SealException.notFound(LINK_NOT_FOUND, "no such link");
        }
        Party party = store.partyByLink(LinkTokens.sm3(token)).orElseThrow(() -> {
            audit.record(new AuditEntry("user:" + member.username(), "contract.open-link", "", AuditOutcome.DENIED,
                    Map.of("reason", LINK_NOT_FOUND)));
            return SealException.notFound(LINK_NOT_FOUND, "no such link");
        });
        if (!party.institutionId().equals(member.institutionId())) {
            audit.record(new AuditEntry("user:" + member.username(), "contract.open-link", "contract:"
                    + party.contractId(), AuditOutcome.DENIED, Map.of("reason", "OTHER_INSTITUTION")));
            throw SealException.notFound(LINK_NOT_FOUND, "no such link");
        }
        Contract contract = store.lock(party.contractId());
        contracts.expireIfDue(contract);
        contract = store.find(contract.id()).orElseThrow();
        if (contract.status() == ContractStore.Status.EXPIRED || !contract.deadline().isAfter(Texts.now(clock))) {
            throw new SealException(LINK_EXPIRED, 410, "the link expired with the contract's deadline",
                    Map.of("deadline", contract.deadline().toString()), null);
        }
        Instant now = Texts.now(clock);
        store.countRead(contract.id(), member.institutionId(), now);
        evidence.record(contract, new Entry(Event.OPENED, Optional.of(party.position()),
                Optional.of(member.institutionId()), Optional.of(member.username()),
                store.contentSm3(contract.id(), contract.currentVersion()), Optional.empty(), now));
        audit.record(new AuditEntry("user:" + member.username(), "contract.open-link", "contract:" + contract.id(),
                AuditOutcome.SUCCESS, Map.of("party", party.position())));
        return new LinkView(party.position(), view(contract));
    }

    List<Message> messages(Institutions.Member member, int page, int size) {
        return jdbc.query("SELECT * FROM contract_message WHERE institution_id = ? ORDER BY created_at DESC, id"
                        + " LIMIT ? OFFSET ?", (rs, n) -> new Message(rs.getString("id"), rs.getString("contract_id"),
                        rs.getString("kind"), rs.getString("body"), rs.getTimestamp("created_at").toInstant()),
                member.institutionId(), size, (long) page * size);
    }

    /** The contract if the member's institution is involved (expired first when due); 404 otherwise. */
    private Contract visible(String id, Institutions.Member member, String action) {
        Optional<Contract> found = store.find(id);
        if (found.isEmpty() || !store.involves(found.get(), member.institutionId())) {
            audit.record(new AuditEntry("user:" + member.username(), action, "contract:" + Texts.clip(id),
                    AuditOutcome.DENIED, Map.of("reason", ContractStore.NOT_FOUND)));
            throw ContractStore.notFound(id);
        }
        Contract contract = found.get();
        if (contract.status() == ContractStore.Status.IN_PROGRESS && !contract.deadline().isAfter(Texts.now(clock))) {
            contracts.expireIfDue(store.lock(id));
            contract = store.find(id).orElseThrow();
        }
        audit.record(new AuditEntry("user:" + member.username(), action, "contract:" + id, AuditOutcome.SUCCESS,
                Map.of("institution", member.institutionId(), "version", contract.currentVersion())));
        return contract;
    }

    private ContractView view(Contract c) {
        Map<String, Integer> reads = store.reads(c.id());
        List<PartyView> parties = store.parties(c.id()).stream().map(p -> new PartyView(p.position(),
                p.institutionId(), institutions.require(p.institutionId()).name(), p.esId(), p.status().name(),
                p.invitedAt(), p.signedAt(), p.signRequestId(), p.rejectReason(),
                reads.getOrDefault(p.institutionId(), 0))).toList();
        return new ContractView(c.id(), c.title(), c.kind(), c.order().name(), c.status().name(), c.initiatorId(),
                institutions.require(c.initiatorId()).name(), c.createdAt(), c.deadline(), c.closedAt(),
                c.closeReason(), c.currentVersion(), store.contentSm3(c.id(), c.currentVersion()),
                reads.getOrDefault(c.initiatorId(), 0), parties);
    }
}
