package cn.hrss.seal.evidence;

import cn.hrss.seal.core.error.SealException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public receipts: by the leaf's hash or by the SM3 of a document the leaf records (the document as submitted or as
 * signed). A receipt holds digests, proofs and certificates only, so it is as public as the log itself.
 */
@RestController
@RequestMapping(EvidenceController.PATH + "/receipts")
class ReceiptController {
    static final String NOT_YET = "EVIDENCE_NOT_YET_CHECKPOINTED";
    private final Receipts receipts;
    private final LeafStore leaves;
    private final DocumentIndex documents;

    ReceiptController(Receipts receipts, LeafStore leaves, DocumentIndex documents) {
        this.documents = documents;
        this.receipts = receipts;
        this.leaves = leaves;
    }

    @GetMapping
    ResponseEntity<ObjectNode> receipt(@RequestParam Optional<String> leafHash,
                                       @RequestParam Optional<String> documentSm3) {
        if (leafHash.isPresent() == documentSm3.isPresent()) {
            throw SealException.badRequest(EvidenceController.HASH_INVALID, "give exactly one of leafHash, documentSm3");
        }
        String hash = leafHash.or(() -> documentSm3).orElseThrow().toLowerCase(Locale.ROOT);
        if (!hash.matches("[0-9a-f]{64}")) {
            throw SealException.badRequest(EvidenceController.HASH_INVALID, "the hash is 64 hex digits (SM3)");
        }
        long index = (leafHash.isPresent() ? leaves.indexOf(hash, Long.MAX_VALUE) : documents.leafOf(hash))
                .orElseThrow(() -> SealException.notFound(EvidenceController.LEAF_NOT_FOUND,
                        "no evidence leaf for that " + (leafHash.isPresent() ? "leaf hash" : "document")));
        ObjectNode receipt = receipts.forLeaf(index).orElseThrow(() -> SealException.notFound(NOT_YET,
                "leaf " + index + " is not in a signed checkpoint yet; retry after the next checkpoint"));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"evidence-" + index + ".receipt.json\"")
                .body(receipt);
    }
}
