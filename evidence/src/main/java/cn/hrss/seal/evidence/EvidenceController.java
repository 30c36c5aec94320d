package cn.hrss.seal.evidence;

import cn.hrss.seal.core.error.SealException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public log interface of /work/shared/API-CONTRACT.md "Evidence": anyone may check what the log says. */
@RestController
@RequestMapping(EvidenceController.PATH)
class EvidenceController {
    static final String PATH = "/api/v1/evidence";
    static final String SIZE_INVALID = "EVIDENCE_TREE_SIZE_INVALID";
    static final String HASH_INVALID = "EVIDENCE_LEAF_HASH_INVALID";
    static final String LEAF_NOT_FOUND = "EVIDENCE_LEAF_NOT_FOUND";

    private final Checkpoints checkpoints;
    private final LeafStore leaves;
    private final Optional<Witnessing> witnessing;

    EvidenceController(Checkpoints checkpoints, LeafStore leaves, Optional<Witnessing> witnessing) {
        this.checkpoints = checkpoints;
        this.leaves = leaves;
        this.witnessing = witnessing;
    }

    @GetMapping("/checkpoint")
    Map<String, Object> checkpoint() {
        Checkpoints.Checkpoint c = checkpoints.latest().orElseGet(checkpoints::checkpoint);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("treeSize", c.treeSize());
        body.put("rootHash", c.rootHash());
        body.put("timestamp", c.timestamp().toString());
        body.put("signature", c.signature());
        body.put("signer", c.signer());
        body.put("cosignatures", witnessing.map(w -> w.cosignatures(c.treeSize())).orElse(List.of()));
        return body;
    }

    @GetMapping("/proof/inclusion")
    Map<String, Object> inclusion(@RequestParam String leafHash, @RequestParam long treeSize) {
        String hash = leafHash.toLowerCase(java.util.Locale.ROOT);
        if (!hash.matches("[0-9a-f]{64}")) {
            throw SealException.badRequest(HASH_INVALID, "leafHash is 64 hex digits (SM3 of 0x00 || leaf)");
        }
        requireSize(treeSize, 1);
        long index = leaves.indexOf(hash, treeSize).orElseThrow(() -> SealException.notFound(LEAF_NOT_FOUND,
                "no leaf with that hash among the first " + treeSize));
        List<byte[]> proof = checkpoints.tree().inclusionProof(index, treeSize);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("leafIndex", index);
        body.put("treeSize", treeSize);
        body.put("auditPath", hex(proof));
        return body;
    }

    @GetMapping("/proof/consistency")
    Map<String, Object> consistency(@RequestParam long first, @RequestParam long second) {
        requireSize(second, 1);
        if (first < 1 || first > second) {
            throw SealException.badRequest(SIZE_INVALID, "1 <= first <= second");
        }
        List<byte[]> proof = checkpoints.tree().consistencyProof(first, second);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("first", first);
        body.put("second", second);
        body.put("proof", hex(proof));
        return body;
    }

    private void requireSize(long treeSize, long min) {
        long size = leaves.size();
        if (treeSize < min || treeSize > size) {
            throw SealException.badRequest(SIZE_INVALID, "tree size must be " + min + ".." + size);
        }
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HexFormat.of()::formatHex).toList();
    }
}
