package cn.hrss.seal.anchor.evm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.seal.core.anchor.AnchorReceipt;
import cn.hrss.seal.core.anchor.AnchoredCheckpoint;
import cn.hrss.seal.core.crypto.Sm3;
import cn.hrss.seal.core.device.soft.SoftCipherDevice;
import cn.hrss.seal.core.error.SealException;
import cn.hrss.seal.testsupport.LocalEvmChain;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/** Against a real ganache chain: deploy the solc-compiled registry, anchor, read back, refuse conflicts. */
class EvmEvidenceAnchorTest {
    private static LocalEvmChain chain;
    private static Web3j web3j;

    @TempDir
    Path dir;

    @BeforeAll
    static void startChain() {
        chain = LocalEvmChain.start();
        web3j = Web3j.build(new HttpService(chain.rpcUrl().toString()));
    }

    @AfterAll
    static void stopChain() {
        web3j.shutdown();
        chain.close();
    }

    @Test
    void anchorsACheckpointAndReadsTheRecordedRootBack() {
        EvmEvidenceAnchor anchor = anchor(dir.resolve("a/account.key"), device(dir.resolve("a")), chain.rpcUrl());
        AnchoredCheckpoint checkpoint = checkpoint("log-a", 42, "root-a");

        AnchorReceipt receipt = anchor.anchor(checkpoint);

        assertThat(receipt.ledger()).isEqualTo("evm:1337");
        assertThat(receipt.transactionHash()).matches("0x[0-9a-f]{64}");
        assertThat(receipt.contractAddress()).isEqualToIgnoringCase(anchor.contractAddress());
        assertThat(receipt.blockNumber()).isPositive();
        assertThat(anchor.recorded(checkpoint.logId(), 42)).contains(checkpoint);
        assertThat(anchor.recorded(checkpoint.logId(), 43)).isEmpty();
        // idempotent: the same checkpoint again gives the first transaction back, no second one
        assertThat(anchor.anchor(checkpoint)).isEqualTo(receipt);
    }

    @Test
    void refusesADifferentRootForAnAnchoredSizeBeforeSendingAnything() {
        EvmEvidenceAnchor anchor = anchor(dir.resolve("b/account.key"), device(dir.resolve("b")), chain.rpcUrl());
        anchor.anchor(checkpoint("log-b", 7, "root-b"));

        assertThatThrownBy(() -> anchor.anchor(checkpoint("log-b", 7, "rewritten")))
                .isInstanceOfSatisfying(SealException.class, e -> {
                    assertThat(e.code()).isEqualTo(EvmEvidenceAnchor.REFUSED);
                    assertThat(e.httpStatus()).isEqualTo(409);
                });
        assertThat(anchor.recorded(hex("log-b"), 7)).contains(checkpoint("log-b", 7, "root-b"));
    }

    @Test
    void aLogIdStaysBoundToTheAccountThatFirstAnchoredIt() {
        Path shared = dir.resolve("registry");
        EvmEvidenceAnchor first = anchor(shared.resolve("first.key"), device(dir.resolve("c1")), chain.rpcUrl());
        first.anchor(checkpoint("log-c", 1, "root-c1"));
        EvmAnchorProperties other = properties(shared.resolve("second.key"), chain.rpcUrl(), first.contractAddress());
        SoftCipherDevice otherDevice = device(dir.resolve("c2"));
        EvmEvidenceAnchor second = new EvmEvidenceAnchor(web3j,
                ChainAccount.loadOrCreate(other.accountKeyFile(), otherDevice), other::contractAddress, other);

        assertThatThrownBy(() -> second.anchor(checkpoint("log-c", 2, "root-c2")))
                .isInstanceOfSatisfying(SealException.class,
                        e -> assertThat(e.code()).isEqualTo(EvmEvidenceAnchor.REFUSED));
        assertThat(second.recorded(hex("log-c"), 2)).isEmpty();
    }

    @Test
    void theAccountKeyIsStoredOnlyWrappedAndComesBackUnderTheSameDevice() throws Exception {
        SoftCipherDevice device = device(dir.resolve("d"));
        Path keyFile = dir.resolve("d/account.key");
        ChainAccount created = ChainAccount.loadOrCreate(keyFile, device);

        ChainAccount reloaded = ChainAccount.loadOrCreate(keyFile, device);

        assertThat(reloaded.address()).isEqualTo(created.address());
        byte[] plain = created.credentials().getEcKeyPair().getPrivateKey().toByteArray();
        String stored = HexFormat.of().formatHex(Files.readAllBytes(keyFile));
        assertThat(stored).doesNotContain(HexFormat.of().formatHex(plain).replaceFirst("^00", ""));
        assertThat(Files.getPosixFilePermissions(keyFile)).containsExactlyInAnyOrder(
                java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        assertThatThrownBy(() -> ChainAccount.loadOrCreate(keyFile, device(dir.resolve("other-device"))))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void anUnreachableChainIsAStableErrorNotAHang() {
        EvmEvidenceAnchor anchor = anchor(dir.resolve("e/account.key"), device(dir.resolve("e")),
                URI.create("http://127.0.0.1:1"));

        assertThatThrownBy(() -> anchor.anchor(checkpoint("log-e", 1, "root-e")))
                .isInstanceOfSatisfying(SealException.class,
                        e -> assertThat(e.code()).isEqualTo(EvmEvidenceAnchor.UNREACHABLE));
    }

    private EvmEvidenceAnchor anchor(Path keyFile, SoftCipherDevice device, URI rpc) {
        EvmAnchorProperties properties = properties(keyFile, rpc, "");
        Web3j client = rpc.equals(chain.rpcUrl()) ? web3j : Web3j.build(new HttpService(rpc.toString()));
        ChainAccount account = ChainAccount.loadOrCreate(keyFile, device);
        return new EvmEvidenceAnchor(client, account,
                () -> EvmAnchorAutoConfiguration.locate(client, account, properties), properties);
    }

    private static EvmAnchorProperties properties(Path keyFile, URI rpc, String contract) {
        return new EvmAnchorProperties(rpc, LocalEvmChain.CHAIN_ID, contract, true, keyFile, BigInteger.ZERO,
                BigInteger.valueOf(300_000), Duration.ofSeconds(30), Duration.ofMillis(100));
    }

    private static AnchoredCheckpoint checkpoint(String log, long size, String root) {
        return new AnchoredCheckpoint(hex(log), size, Sm3.hash(root.getBytes(StandardCharsets.UTF_8)),
                Sm3.hash((log + size + root).getBytes(StandardCharsets.UTF_8)));
    }

    private static String hex(String log) {
        return HexFormat.of().formatHex(Sm3.hash(log.getBytes(StandardCharsets.UTF_8)));
    }

    private static SoftCipherDevice device(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        SecureRandom random = new SecureRandom();
        byte[] master = new byte[16];
        random.nextBytes(master);
        return new SoftCipherDevice(dir.resolve("keys.sealed"), master, "device-password".toCharArray());
    }
}
