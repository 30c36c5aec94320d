package cn.hrss.seal.contract;

import cn.hrss.seal.core.crypto.Sm3;
import cn.hrss.seal.core.merkle.MerkleHashes;
import cn.hrss.seal.evidence.api.EvidenceLog;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every contract event is one evidence leaf, appended in the event's transaction, in the format of
 * docs/CONTRACTS.md: identifiers of institutions and actors only as SM3(contract salt || identifier), documents as
 * their SM3, so the public log holds no personal data and no contract content. The leaf and its hash are also kept
 * with the contract for its evidence report. Without an evidence log on the node the leaf is only kept locally.
 */
class ContractEvidence {
    static final String HEADER = "HRSS-SEAL-EVIDENCE/1";

    enum Event { CREATED, NOTIFIED, OPENED, SIGNED, REJECTED, WITHDRAWN, EXPIRED, ARCHIVED, DOWNLOADED }

    /** @param party the party's position, empty for the contract as a whole; other fields empty when not known */
    record Entry(Event event, Optional<Integer> party, Optional<String> institutionId, Optional<String> actor,
                 String documentSm3, Optional<String> signRequestId, Instant at) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectProvider<EvidenceLog> log;

    ContractEvidence(JdbcTemplate jdbc, ObjectProvider<EvidenceLog> log) {
        this.jdbc = jdbc;
        this.log = log;
    }

    void record(ContractStore.Contract contract, Entry entry) {
        byte[] leaf = leaf(contract.id(), contract.evidenceSalt(), entry);
        EvidenceLog evidence = log.getIfAvailable();
        Long index = evidence == null ? null : evidence.append(leaf);
        jdbc.update("INSERT INTO contract_event (contract_id, event, party_position, occurred_at, leaf, leaf_hash,"
                        + " leaf_index) VALUES (?, ?, ?, ?, ?, ?, ?)", contract.id(),
                entry.event().name(), entry.party().orElse(null), Timestamp.from(entry.at()),
                new String(leaf, StandardCharsets.UTF_8), Texts.hex(MerkleHashes.leaf(leaf)), index);
    }

    static byte[] leaf(String contractId, String salt, Entry e) {
        return String.join("\n", HEADER, "kind=CONTRACT_EVENT", "event=" + e.event(), "contractId=" + contractId,
                        "party=" + e.party().map(String::valueOf).orElse("-"),
                        "institution=" + e.institutionId().map(v -> salted(salt, v)).orElse("-"),
                        "actor=" + e.actor().map(v -> salted(salt, v)).orElse("-"),
                        "documentSm3=" + e.documentSm3(), "signRequestId=" + e.signRequestId().orElse("-"),
                        "at=" + e.at())
                .getBytes(StandardCharsets.UTF_8);
    }

    /** SM3(salt || value): links the events of one contract without naming anyone to a reader of the log. */
    static String salted(String salt, String value) {
        return Texts.hex(Sm3.hash(HexFormat.of().parseHex(salt), value.getBytes(StandardCharsets.UTF_8)));
    }
}
