package cn.hrss.seal.contract;

import cn.hrss.seal.application.api.DocumentsSigned;
import cn.hrss.seal.application.api.ReviewedSignRequests;
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
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * A party signs with its institution's seal under the reviewed flow: one of its seal operators files a sign
 * request for the contract's current version here, a reviewer approves it and the operator signs it through
 * {@code /api/v1/sign-requests}; when seal application announces the signing, the signed document becomes the
 * contract's next version, in the signing's own transaction.
 *
 * <p>PDF and OFD signatures are added one after another to the same file, so only one party signs at a time even
 * for PARALLEL contracts: PARALLEL means every party is invited at once and may sign in any order, but a party
 * whose colleague's request on another version is still pending waits (409 CONTRACT_SIGNING_BUSY). A request
 * rejected by the reviewer frees the contract again; the party may file a new one.
 */
class ContractSigning {
    private static final Logger log = LoggerFactory.getLogger(ContractSigning.class);
    static final String SIGNING_BUSY = "CONTRACT_SIGNING_BUSY";
    static final String SIGNING_PENDING = "CONTRACT_SIGNING_PENDING";
    static final String SIGNING_UNAVAILABLE = "CONTRACT_SIGNING_UNAVAILABLE";
    private static final List<String> LIVE = List.of("SUBMITTED", "APPROVED");

    private final JdbcTemplate jdbc;
    private final ContractStore store;
    private final Contracts contracts;
    private final ContractEvidence evidence;
    private final ObjectProvider<ReviewedSignRequests> signRequests;
    private final AuditTrail audit;
    private final Clock clock;

    ContractSigning(JdbcTemplate jdbc, ContractStore store, Contracts contracts, ContractEvidence evidence,
                    ObjectProvider<ReviewedSignRequests> signRequests, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.contracts = contracts;
        this.evidence = evidence;
        this.signRequests = signRequests;
        this.audit = audit;
        this.clock = clock;
    }

    /** @return the sign request id; the caller (a seal operator of the party) is its applicant */
    @Transactional(noRollbackFor = ContractClosedException.class)
    String fileSignRequest(String id, Optional<String> purpose, Institutions.Member member) {
        ReviewedSignRequests requests = signRequests.getIfAvailable();
        if (requests == null) {
            throw new SealException(SIGNING_UNAVAILABLE, 409, "this node does not sign with seals", Map.of(), null);
        }
        Contract contract = contracts.inProgress(id, member);
        List<Party> parties = store.parties(id);
        Party party = parties.stream().filter(p -> p.institutionId().equals(member.institutionId())).findFirst()
                .orElseThrow(() -> SealException.forbidden(Contracts.NOT_A_PARTY, "only a party signs the contract"));
        if (party.status() == PartyStatus.SIGNING && live(requests, party)) {
            throw new SealException(SIGNING_PENDING, 409, "the party's sign request is still pending",
                    Map.of("signRequestId", party.signRequestId().orElse("")), null);
        }
        if (party.status() != PartyStatus.INVITED && party.status() != PartyStatus.SIGNING) {
            throw new SealException(Contracts.NOT_YOUR_TURN, 409, "the party may not sign now",
                    Map.of("partyStatus", party.status().name()), null);
        }
        for (Party other : parties) {
            if (other.position() != party.position() && other.status() == PartyStatus.SIGNING
                    && live(requests, other)) {
                throw SealException.conflict(SIGNING_BUSY, "another party is signing the contract; try again later");
            }
        }
        String text = purpose.filter(p -> !p.isBlank()).orElse("合同签署 / contract signing");
        int version = contract.currentVersion();
        String signRequestId = requests.file(party.esId(), text + " [contract " + id + "]",
                List.of(new ReviewedSignRequests.Document("contract-" + id + "-v" + version + "."
                        + contract.kind().toLowerCase(java.util.Locale.ROOT), contract.kind(),
                        store.content(id, version), stamp(party.position()))), member.username());
        jdbc.update("UPDATE contract_party SET status = 'SIGNING', sign_request_id = ?, base_version = ?"
                + " WHERE contract_id = ? AND position = ?", signRequestId, version, id, party.position());
        audit.record(new AuditEntry("user:" + member.username(), "contract.sign-request", "contract:" + id,
                AuditOutcome.SUCCESS, Map.of("signRequestId", signRequestId, "version", version)));
        return signRequestId;
    }

    /**
     * A signing by seal application, in its transaction. Only a pending contract request on the current version is
     * taken; anything else (another module's signing, a withdrawn or expired contract) is left alone.
     */
    @EventListener
    void on(DocumentsSigned signed) {
        if (signed.flow() != DocumentsSigned.Flow.REVIEWED) {
            return;
        }
        Optional<Party> found = store.partyBySignRequest(signed.signId())
                .filter(p -> p.status() == PartyStatus.SIGNING);
        if (found.isEmpty()) {
            return;
        }
        Contract contract = store.lock(found.get().contractId());
        Party party = store.parties(contract.id()).get(found.get().position());
        if (contracts.expireIfDue(contract) || contract.status() != Status.IN_PROGRESS
                || party.status() != PartyStatus.SIGNING
                || party.baseVersion().orElse(-1) != contract.currentVersion()) {
            log.info("signing {} not taken by contract {} ({})", signed.signId(), contract.id(), contract.status());
            return;
        }
        byte[] document = signRequests.getObject().signedDocument(signed.signId(), 0);
        String sm3 = Texts.hex(Sm3.hash(document));
        int version = contract.currentVersion() + 1;
        Instant now = Texts.now(clock);
        jdbc.update("INSERT INTO contract_version (contract_id, version, content, content_sm3, sign_request_id,"
                + " created_at) VALUES (?, ?, ?, ?, ?, ?)", contract.id(), version, document, sm3, signed.signId(),
                Timestamp.from(now));
        jdbc.update("UPDATE contract SET current_version = ? WHERE id = ?", version, contract.id());
        jdbc.update("UPDATE contract_party SET status = 'SIGNED', signed_at = ? WHERE contract_id = ?"
                + " AND position = ?", Timestamp.from(signed.signedAt()), contract.id(), party.position());
        Contract advanced = store.find(contract.id()).orElseThrow();
        evidence.record(advanced, new Entry(Event.SIGNED, Optional.of(party.position()),
                Optional.of(party.institutionId()), Optional.ofNullable(signed.signerRef()), sm3,
                Optional.of(signed.signId()), signed.signedAt()));
        List<Party> parties = store.parties(contract.id());
        Optional<Party> next = parties.stream().filter(p -> p.status() == PartyStatus.WAITING).findFirst();
        if (parties.stream().allMatch(p -> p.status() == PartyStatus.SIGNED)) {
            contracts.close(advanced, Status.ARCHIVED, null, Optional.empty(), null, now);
        } else if (advanced.order() == SigningOrder.SEQUENTIAL && next.isPresent()) {
            contracts.invite(advanced, next.get(), now);
        }
    }

    private static boolean live(ReviewedSignRequests requests, Party party) {
        return party.signRequestId().flatMap(requests::status).map(LIVE::contains).orElse(false);
    }

    /** Stamps side by side, three to a row, from the bottom of the first page up: parties never cover each other. */
    static ReviewedSignRequests.Stamp stamp(int position) {
        return new ReviewedSignRequests.Stamp(1, 40 + 65 * (position % 3), 240 - 50 * ((position / 3) % 4));
    }
}
