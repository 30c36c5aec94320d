package cn.hrss.seal.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Evidence receipts (docs/EVIDENCE.md "Receipt"): one leaf with its inclusion proof in a signed checkpoint, the
 * checkpoint's witness cosignatures and its anchoring transaction, each with the certificates that make it checkable
 * offline. The checkpoint chosen is the smallest anchored one containing the leaf, else the smallest cosigned one,
 * else the newest: a receipt fetched later is stronger, never different in its leaf.
 */
final class Receipts {
    static final String FORMAT = "hrss-seal-evidence-receipt/1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LeafStore leaves;
    private final Checkpoints checkpoints;
    private final Optional<Witnessing> witnessing;
    private final Optional<Anchoring> anchoring;
    private final Supplier<List<String>> logChain;

    Receipts(LeafStore leaves, Checkpoints checkpoints, Optional<Witnessing> witnessing, Optional<Anchoring> anchoring,
             Supplier<List<String>> logChain) {
        this.leaves = leaves;
        this.checkpoints = checkpoints;
        this.witnessing = witnessing;
        this.anchoring = anchoring;
        this.logChain = logChain;
    }

    record Cosignature(String witness, String signature, List<String> certificates) {
    }

    /** Empty when no checkpoint covers the leaf yet. */
    Optional<ObjectNode> forLeaf(long index) {
        byte[] leaf = leaves.leaf(index).orElseThrow();
        Optional<Anchoring.Anchored> anchored = anchoring.flatMap(a -> a.covering(index));
        Optional<Checkpoints.Checkpoint> checkpoint = anchored.flatMap(a -> checkpoints.at(a.treeSize()))
                .or(() -> witnessing.flatMap(w -> w.smallestCosignedAbove(index)).flatMap(checkpoints::at))
                .or(() -> checkpoints.latest().filter(c -> c.treeSize() > index));
        if (checkpoint.isEmpty()) {
            return Optional.empty();
        }
        Checkpoints.Checkpoint c = checkpoint.get();
        ObjectNode receipt = JSON.createObjectNode().put("format", FORMAT).put("logId", c.signer())
                .put("leafIndex", index).put("leaf", Base64.getEncoder().encodeToString(leaf))
                .put("treeSize", c.treeSize());
        checkpoints.tree().inclusionProof(index, c.treeSize())
                .forEach(h -> receipt.withArray("inclusionProof").add(HexFormat.of().formatHex(h)));
        receipt.withArray("inclusionProof");
        ObjectNode signed = receipt.putObject("checkpoint").put("body", c.body()).put("signature", c.signature());
        logChain.get().forEach(signed.withArray("certificates")::add);
        receipt.withArray("cosignatures");
        witnessing.ifPresent(w -> w.cosignaturesWithChains(c.treeSize()).forEach(co -> {
            ObjectNode node = receipt.withArray("cosignatures").addObject().put("witness", co.witness())
                    .put("signature", co.signature());
            co.certificates().forEach(node.withArray("certificates")::add);
        }));
        anchored.filter(a -> a.treeSize() == c.treeSize()).ifPresent(a -> receipt.putObject("anchor")
                .put("ledger", a.receipt().ledger()).put("contractAddress", a.receipt().contractAddress())
                .put("transactionHash", a.receipt().transactionHash()).put("blockNumber", a.receipt().blockNumber())
                .put("blockTime", a.receipt().blockTime().toString()));
        return Optional.of(receipt);
    }
}
