package cn.hrss.seal.anchor.evm;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code seal.evidence.anchor.evm.*}: where the chain is and how to write to it.
 *
 * @param rpcUrl          the chain node's JSON-RPC address; setting it turns the anchor on
 * @param chainId         EIP-155 chain id, part of every signed transaction
 * @param contractAddress the deployed EvidenceAnchorRegistry; blank with {@code deployIfMissing} deploys one on first
 *                        start and remembers its address beside the account key
 * @param accountKeyFile  the node's chain account key, SM4-wrapped under the device key {@code evm-anchor-account}
 * @param gasPrice        wei per gas; 0 on a gas-free consortium chain
 * @param receiptTimeout  how long to wait for a transaction to be mined before the attempt counts as failed
 */
@Validated
@ConfigurationProperties("seal.evidence.anchor.evm")
public record EvmAnchorProperties(
        @NotNull URI rpcUrl,
        @Min(1) long chainId,
        @Pattern(regexp = "|0x[0-9a-fA-F]{40}", message = "must be a 0x-prefixed 20-byte address") String contractAddress,
        @DefaultValue("true") boolean deployIfMissing,
        @NotNull Path accountKeyFile,
        @DefaultValue("0") @NotNull BigInteger gasPrice,
        @DefaultValue("300000") @NotNull BigInteger gasLimit,
        @DefaultValue("PT2M") @NotNull Duration receiptTimeout,
        @DefaultValue("PT0.5S") @NotNull Duration pollInterval) {

    public EvmAnchorProperties {
        contractAddress = contractAddress == null ? "" : contractAddress;
    }

    String ledger() {
        return "evm:" + chainId;
    }
}
