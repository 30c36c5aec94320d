package cn.hrss.seal.audit.web;

import cn.hrss.seal.audit.api.AuditRecord;
import cn.hrss.seal.audit.chain.AuditAdministration;
import cn.hrss.seal.audit.chain.AuditPage;
import cn.hrss.seal.audit.chain.AuditSearch;
import cn.hrss.seal.audit.chain.ChainCodec;
import cn.hrss.seal.audit.chain.VerificationResult;
import cn.hrss.seal.core.error.SealException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;

/** The audit administrator's view of the chain. Nobody else may read it. */
@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasRole('AUDIT_ADMIN')")
class AuditController {
    private final AuditAdministration administration;
    private final ObjectMapper json;

    AuditController(AuditAdministration administration, ObjectMapper json) {
        this.administration = administration;
        this.json = json;
    }

    @GetMapping("/records")
    RecordPage records(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
                       @RequestParam(required = false) String actor,
                       @RequestParam(required = false) String action,
                       @RequestParam(defaultValue = "0") int page,
                       @RequestParam(defaultValue = "50") int size) {
        AuditSearch search;
        try {
            search = new AuditSearch(from == null ? null : from.toInstant(), to == null ? null : to.toInstant(),
                    blankToNull(actor), blankToNull(action), page, size);
        } catch (IllegalArgumentException e) {
            throw SealException.badRequest("AUDIT_BAD_QUERY", e.getMessage());
        }
        AuditPage result = administration.search(search);
        return new RecordPage(result.items().stream().map(this::view).toList(), result.total(), result.page(),
                result.size());
    }

    @GetMapping("/verify")
    VerificationResult verify() {
        return administration.verify();
    }

    /** The checkpoint public key, so an auditor can pin it and verify exports offline. */
    @GetMapping("/checkpoint-key")
    CheckpointKey checkpointKey() {
        return new CheckpointKey(ChainCodec.keyId(administration.checkpointKey()),
                HexFormat.of().formatHex(administration.checkpointKey().uncompressed()));
    }

    private RecordView view(AuditRecord r) {
        return new RecordView(r.seq(), r.recordedAt(), r.actor(), r.action(), r.target(), r.outcome(),
                details(r.details()), r.prevHash(), r.hash());
    }

    /** Details as JSON; a row whose text is no longer JSON (tampered) is shown as a string, never breaks the page. */
    private JsonNode details(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(text);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    record RecordView(long seq, Instant recordedAt, String actor, String action, String target, String outcome,
                      JsonNode details, String prevHash, String hash) {
    }

    record RecordPage(List<RecordView> items, long total, int page, int size) {
    }

    record CheckpointKey(String keyId, String publicKey) {
    }
}
