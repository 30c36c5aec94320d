package cn.hrss.seal.anchor.evm;

import cn.hrss.seal.core.anchor.EvidenceAnchor;
import cn.hrss.seal.core.device.CipherDevice;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/** The EVM anchor, on when {@code seal.evidence.anchor.evm.rpc-url} is set (docs/EVIDENCE.md, docs/OPERATIONS.md). */
@AutoConfiguration
@ConditionalOnProperty(prefix = "seal.evidence.anchor.evm", name = "rpc-url")
@ConditionalOnBean(CipherDevice.class)
@EnableConfigurationProperties(EvmAnchorProperties.class)
public class EvmAnchorAutoConfiguration {
    private static final Logger log = LoggerFactory.getLogger(EvmAnchorAutoConfiguration.class);

    @Bean(destroyMethod = "shutdown")
    Web3j evidenceAnchorChain(EvmAnchorProperties properties) {
        return Web3j.build(new HttpService(properties.rpcUrl().toString()));
    }

    @Bean
    EvidenceAnchor evmEvidenceAnchor(Web3j chain, CipherDevice device, EvmAnchorProperties properties) {
        ChainAccount account = ChainAccount.loadOrCreate(properties.accountKeyFile(), device);
        log.info("evidence anchor: chain {} at {}, account {}", properties.ledger(), properties.rpcUrl(),
                account.address());
        return new EvmEvidenceAnchor(chain, account, () -> locate(chain, account, properties), properties);
    }

    /** The configured registry, else the one this node deployed earlier, else (if allowed) a new one. */
    static String locate(Web3j chain, ChainAccount account, EvmAnchorProperties properties) {
        if (!properties.contractAddress().isBlank()) {
            return properties.contractAddress();
        }
        Path remembered = properties.accountKeyFile().resolveSibling("evm-anchor-registry.address");
        try {
            if (Files.exists(remembered)) {
                return Files.readString(remembered, StandardCharsets.US_ASCII).trim();
            }
            if (!properties.deployIfMissing()) {
                throw new IllegalStateException("seal.evidence.anchor.evm.contract-address is not set");
            }
            String address = EvmEvidenceAnchor.deploy(chain, account, properties);
            Files.writeString(remembered, address + "\n", StandardCharsets.US_ASCII);
            log.info("evidence anchor: deployed EvidenceAnchorRegistry at {}", address);
            return address;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
