package cn.hrss.seal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.seal.anchor.evm.EvmAnchorProperties;
import cn.hrss.seal.anchor.evm.EvmEvidenceAnchor;
import cn.hrss.seal.core.anchor.AnchorReceipt;
import cn.hrss.seal.core.anchor.AnchoredCheckpoint;
import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.crypto.Sm3;
import cn.hrss.seal.core.device.soft.SoftCipherDevice;
import cn.hrss.seal.core.merkle.MerkleHashes;
import cn.hrss.seal.core.merkle.MerkleTree;
import cn.hrss.seal.core.message.SignerId;
import cn.hrss.seal.testsupport.LocalEvmChain;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code seal verify --receipt}: a PDF signed offline with a seal package, an evidence receipt for that signing from a
 * log whose checkpoint is anchored on a real ganache chain; offline the receipt passes with the anchor reported,
 * online (--chain-rpc, --chain-registry) the chain confirms it; a receipt for another seal or a forged root fails.
 */
class CliEvidenceReceiptTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalEvmChain chain;
    private static EvmEvidenceAnchor anchor;

    @BeforeAll
    static void start() throws Exception {
        // SealCliTest's fixtures, in a directory of this class (its @TempDir belongs to SealCliTest)
        SealCliTest.dir = Files.createTempDirectory("cli-evidence");
        SealCliTest.pki();
        chain = LocalEvmChain.start();
        byte[] master = new byte[16];
        new SecureRandom().nextBytes(master);
        Path dir = Files.createTempDirectory("cli-anchor");
        SoftCipherDevice device = new SoftCipherDevice(dir.resolve("keys.sealed"), master, "cli".toCharArray());
        anchor = EvmEvidenceAnchor.open(device, new EvmAnchorProperties(chain.rpcUrl(), LocalEvmChain.CHAIN_ID, "",
                true, dir.resolve("account.key"), BigInteger.ZERO, BigInteger.valueOf(300_000), Duration.ofSeconds(30),
                Duration.ofMillis(100)));
    }

    @AfterAll
    static void stop() {
        SealCliTest.stop();
        chain.close();
    }

    @Test
    void aReceiptIsCheckedOfflineAndAgainstTheChain() throws Exception {
        SealCliTest.Seal seal = SealCliTest.seal();
        Path signed = SealCliTest.dir.resolve("evidence-" + seal.esId() + ".pdf");
        SealCliTest.Run signing = SealCliTest.run(new SealCliTest().sign("pdf", seal,
                SealCliTest.pdf("evidence-in-" + seal.esId() + ".pdf"), signed, "--page", "1", "--x", "60", "--y", "60"));
        assertThat(signing.exit()).as(signing.err()).isZero();
        String sm3 = HexFormat.of().formatHex(Sm3.hash(Files.readAllBytes(signed)));
        Path receipt = receipt(seal.esId(), sm3, true, "r-" + seal.esId());
        String root = SealCliTest.root.toString();

        SealCliTest.Run offline = SealCliTest.run("verify", "--trust", root, "--receipt", receipt.toString(),
                signed.toString());
        assertThat(offline.exit()).as(offline.out() + offline.err()).isZero();
        assertThat(offline.out()).contains("EVIDENCE_INCLUSION", "EVIDENCE_ANCHOR_NOT_CHECKED");

        SealCliTest.Run online = SealCliTest.run("verify", "--trust", root, "--receipt", receipt.toString(),
                "--chain-rpc", chain.rpcUrl().toString(), "--chain-id", Long.toString(LocalEvmChain.CHAIN_ID),
                "--chain-registry", anchor.contractAddress(), signed.toString());
        assertThat(online.exit()).as(online.out() + online.err()).isZero();
        assertThat(online.out()).contains("the ledger records this root");

        Path otherSeal = receipt("110105269401009999", sm3, false, "other-" + seal.esId());
        SealCliTest.Run stray = SealCliTest.run("verify", "--trust", root, "--receipt", otherSeal.toString(),
                signed.toString());
        assertThat(stray.exit()).isEqualTo(1);
        assertThat(stray.out()).contains("EVIDENCE_LEAF_NOT_THIS_DOCUMENT");

        Path notJson = Files.writeString(SealCliTest.dir.resolve("broken.json"), "{\"format\":");
        assertThat(SealCliTest.run("verify", "--trust", root, "--receipt", notJson.toString(), signed.toString())
                .exit()).isNotIn(0, 1, 2);
    }

    /** A receipt from a three-leaf log signed with the test PKI's node key; anchored on the chain when asked. */
    private static Path receipt(String esId, String signedSm3, boolean anchored, String name) throws Exception {
        CliTestPki pki = SealCliTest.pki;
        ImportedKeyDevice logKey = new ImportedKeyDevice(pki.nodeKey);
        var publicKey = CliTestPki.publicKey(pki.nodeKey);
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            leaves.add(("HRSS-SEAL-EVIDENCE/1\nkind=SIGNING\nesId=" + (i == 1 ? esId : "other" + i) + "\nsignedSm3="
                    + (i == 1 ? signedSm3 : String.format("%064x", i))).getBytes(StandardCharsets.UTF_8));
        }
        MerkleTree tree = MerkleTree.of(leaves.stream().map(MerkleHashes::leaf).toList());
        String logId = SignerId.of(publicKey).hex();
        String body = "{\"format\":1,\"logId\":\"" + logId + "\",\"treeSize\":3,\"rootHash\":\""
                + HexFormat.of().formatHex(tree.root(3)) + "\",\"timestamp\":\""
                + Instant.now().truncatedTo(ChronoUnit.MILLIS) + "\"}";
        byte[] signature = logKey.sign(ImportedKeyDevice.SEAL_KEY,
                Sm2.digest(publicKey, body.getBytes(StandardCharsets.US_ASCII)));
        ObjectNode r = JSON.createObjectNode().put("format", "hrss-seal-evidence-receipt/1").put("logId", logId)
                .put("leafIndex", 1).put("leaf", Base64.getEncoder().encodeToString(leaves.get(1))).put("treeSize", 3);
        tree.inclusionProof(1, 3).forEach(h -> r.withArray("inclusionProof").add(HexFormat.of().formatHex(h)));
        ObjectNode checkpoint = r.putObject("checkpoint").put("body", body)
                .put("signature", Base64.getEncoder().encodeToString(signature));
        checkpoint.putArray("certificates").add(Base64.getEncoder().encodeToString(CliTestPki.der(pki.node)));
        r.putArray("cosignatures");
        if (anchored) {
            AnchorReceipt mined = anchor.anchor(new AnchoredCheckpoint(logId, 3, tree.root(3),
                    Sm3.hash(body.getBytes(StandardCharsets.US_ASCII))));
            r.putObject("anchor").put("ledger", mined.ledger()).put("contractAddress", mined.contractAddress())
                    .put("transactionHash", mined.transactionHash()).put("blockNumber", mined.blockNumber())
                    .put("blockTime", mined.blockTime().toString());
        }
        return Files.write(SealCliTest.dir.resolve(name + ".receipt.json"), JSON.writeValueAsBytes(r));
    }
}
