package cn.hrss.seal.core.anchor;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a checkpoint was anchored: the ledger ({@link EvidenceAnchor#ledger()}), the contract (or ledger-specific
 * address) that holds it, the transaction and its block.
 */
public record AnchorReceipt(String ledger, String contractAddress, String transactionHash, long blockNumber,
                            Instant blockTime) {
    public AnchorReceipt {
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(contractAddress, "contractAddress");
        Objects.requireNonNull(transactionHash, "transactionHash");
        Objects.requireNonNull(blockTime, "blockTime");
    }
}
