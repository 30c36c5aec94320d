package cn.hrss.seal.application.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.seal.application.testing.TestDevices;
import cn.hrss.seal.core.crypto.DeviceContentSigner;
import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.device.KeyRef;
import cn.hrss.seal.core.device.Sm2PublicKey;
import cn.hrss.seal.core.error.SealException;
import cn.hrss.seal.core.merkle.MerkleHashes;
import cn.hrss.seal.core.merkle.MerkleTree;
import cn.hrss.seal.core.message.SignerId;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The receipt parser and verifier on a receipt built here from first principles (a log key, five leaves, a signed
 * checkpoint): it passes; every truncation and random corruption is a 400 EVIDENCE_RECEIPT_MALFORMED or a verdict,
 * never another exception.
 */
class EvidenceReceiptParsingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static X509CertificateHolder logCertificate;
    private static byte[] receipt;
    private static String documentSm3;

    @BeforeAll
    static void buildReceipt() throws Exception {
        CipherDevice device = TestDevices.soft("receipt-parsing");
        KeyRef key = device.generateKeyPair("log");
        Sm2PublicKey publicKey = device.exportSignPublicKey(key);
        Instant now = Instant.parse("2026-12-06T10:00:00Z");
        logCertificate = new X509v3CertificateBuilder(new X500Name("CN=evidence log"), BigInteger.ONE,
                Date.from(now.minusSeconds(3600)), Date.from(now.plusSeconds(86_400)), new X500Name("CN=evidence log"),
                publicKey.toSubjectPublicKeyInfo())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .build(DeviceContentSigner.create(device, key));
        List<byte[]> leaves = new ArrayList<>();
        List<byte[]> hashes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            documentSm3 = String.format("%064x", 100 + i);
            byte[] leaf = ("HRSS-SEAL-EVIDENCE/1\nkind=SIGNING\nesId=ES" + i + "\nsignedSm3=" + documentSm3)
                    .getBytes(StandardCharsets.UTF_8);
            leaves.add(leaf);
            hashes.add(MerkleHashes.leaf(leaf));
        }
        documentSm3 = String.format("%064x", 102);
        MerkleTree tree = MerkleTree.of(hashes);
        String logId = SignerId.of(publicKey).hex();
        String body = "{\"format\":1,\"logId\":\"" + logId + "\",\"treeSize\":5,\"rootHash\":\""
                + HexFormat.of().formatHex(tree.root(5)) + "\",\"timestamp\":\"" + now + "\"}";
        byte[] signature = device.sign(key, Sm2.digest(publicKey, body.getBytes(StandardCharsets.US_ASCII)));
        ObjectNode r = JSON.createObjectNode().put("format", EvidenceReceipt.FORMAT).put("logId", logId)
                .put("leafIndex", 2).put("leaf", Base64.getEncoder().encodeToString(leaves.get(2))).put("treeSize", 5);
        tree.inclusionProof(2, 5).forEach(h -> r.withArray("inclusionProof").add(HexFormat.of().formatHex(h)));
        r.putObject("checkpoint").put("body", body).put("signature", Base64.getEncoder().encodeToString(signature))
                .putArray("certificates").add(Base64.getEncoder().encodeToString(logCertificate.getEncoded()));
        r.putArray("cosignatures");
        receipt = JSON.writeValueAsBytes(r);
    }

    @Test
    void aWellFormedReceiptVerifiesOfflineAgainstItsTrustedLog() {
        ReceiptVerification v = verifier().verify(EvidenceReceipt.parse(receipt), List.of(documentSm3));
        assertThat(v.verdict()).as(v.checks().toString()).isEqualTo(Verdict.PASSED);
        assertThat(v.leaf()).containsEntry("esId", "ES2");
        assertThat(v.checks()).extracting(CheckResult::code).contains(EvidenceReceiptVerifier.NOT_WITNESSED,
                EvidenceReceiptVerifier.NOT_ANCHORED);
    }

    @Test
    void everyTruncationIsMalformed() {
        for (int length = 0; length < receipt.length; length++) {
            byte[] truncated = java.util.Arrays.copyOf(receipt, length);
            assertThatThrownBy(() -> EvidenceReceipt.parse(truncated)).as("length " + length)
                    .isInstanceOfSatisfying(SealException.class, e -> {
                        assertThat(e.code()).isEqualTo(EvidenceReceipt.MALFORMED);
                        assertThat(e.httpStatus()).isEqualTo(400);
                    });
        }
    }

    @Test
    void randomCorruptionIsMalformedOrAVerdictNeverAnotherFailure() {
        Random random = new Random(20261206L);
        for (int round = 0; round < 400; round++) {
            byte[] corrupt = receipt.clone();
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                corrupt[random.nextInt(corrupt.length)] = (byte) random.nextInt(256);
            }
            Optional<EvidenceReceipt> parsed;
            try {
                parsed = Optional.of(EvidenceReceipt.parse(corrupt));
            } catch (SealException e) {
                assertThat(e.code()).isEqualTo(EvidenceReceipt.MALFORMED);
                parsed = Optional.empty();
            }
            parsed.ifPresent(p -> assertThat(verifier().verify(p, List.of()).verdict()).isNotNull());
        }
    }

    @Test
    void structuralMistakesAreNamed() throws Exception {
        ObjectNode good = (ObjectNode) JSON.readTree(receipt);
        assertMalformed(good.deepCopy().put("format", "other/1"));
        assertMalformed(good.deepCopy().put("leafIndex", 5));
        assertMalformed(good.deepCopy().put("leafIndex", -1));
        assertMalformed(good.deepCopy().put("treeSize", 6));
        assertMalformed(good.deepCopy().put("leaf", "not base64!"));
        ObjectNode spaced = good.deepCopy();
        ((ObjectNode) spaced.get("checkpoint")).put("body", good.get("checkpoint").get("body").asText()
                .replace(",", ", "));
        assertMalformed(spaced);
        ObjectNode noCertificates = good.deepCopy();
        ((ObjectNode) noCertificates.get("checkpoint")).putArray("certificates");
        assertMalformed(noCertificates);
        String text = new String(receipt, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> EvidenceReceipt.parse((text + "{}").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SealException.class);
        assertThatThrownBy(() -> EvidenceReceipt.parse(text.replaceFirst("\\{", "{\"logId\":\"x\",")
                .getBytes(StandardCharsets.UTF_8))).as("duplicate key").isInstanceOf(SealException.class);
        assertThatThrownBy(() -> EvidenceReceipt.parse(new byte[EvidenceReceipt.MAX_BYTES + 1]))
                .isInstanceOf(SealException.class);
    }

    @Test
    void aPdfsRevisionsAreTheFileUpToEachEofMarker() {
        byte[] first = "%PDF-1.7\nbody\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        byte[] second = "%PDF-1.7\nbody\n%%EOF\nupdate\n%%EOF\r\n".getBytes(StandardCharsets.US_ASCII);
        String firstSm3 = HexFormat.of().formatHex(cn.hrss.seal.core.crypto.Sm3.hash(first));
        assertThat(EvidenceChecks.revisionDigests(second)).contains(firstSm3,
                HexFormat.of().formatHex(cn.hrss.seal.core.crypto.Sm3.hash(second)));
        assertThat(EvidenceChecks.revisionDigests("PK not a pdf".getBytes(StandardCharsets.US_ASCII))).hasSize(1);
    }

    /** Every node's seal root has the same name: one that is not trusted must not pass as a bad trusted one. */
    @Test
    void anUntrustedRootNamedLikeATrustedOneIsAnUnknownRoot() throws Exception {
        CipherDevice device = TestDevices.soft("same-name-roots");
        KeyRef trustedKey = device.generateKeyPair("trusted");
        KeyRef otherKey = device.generateKeyPair("other");
        KeyRef leafKey = device.generateKeyPair("leaf");
        X500Name root = new X500Name("CN=HRSS Seal Root CA,O=HRSS,C=CN");
        X509CertificateHolder trusted = certificate(device, root, trustedKey, root, trustedKey, true);
        X509CertificateHolder other = certificate(device, root, otherKey, root, otherKey, true);
        X509CertificateHolder leaf = certificate(device, root, otherKey, new X500Name("CN=seal-node"), leafKey, false);

        CertificatePathValidator.PathResult path = new CertificatePathValidator(List.of(trusted),
                RevocationSource.notChecked()).validate(leaf, List.of(other),
                new SigningTime(Instant.parse("2026-12-06T10:00:00Z"), false));

        assertThat(path.chain().verdict()).isEqualTo(Verdict.INDETERMINATE);
        assertThat(path.chain().code()).isEqualTo(CertificatePathValidator.UNKNOWN_ROOT);
    }

    private static X509CertificateHolder certificate(CipherDevice device, X500Name issuer, KeyRef issuerKey,
                                                     X500Name subject, KeyRef subjectKey, boolean ca) throws Exception {
        Instant now = Instant.parse("2026-12-06T10:00:00Z");
        return new X509v3CertificateBuilder(issuer, BigInteger.valueOf(new Random().nextInt(1_000_000) + 1),
                Date.from(now.minusSeconds(3600)), Date.from(now.plusSeconds(86_400)), subject,
                device.exportSignPublicKey(subjectKey).toSubjectPublicKeyInfo())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(ca))
                .build(DeviceContentSigner.create(device, issuerKey));
    }

    private static EvidenceReceiptVerifier verifier() {
        return new EvidenceReceiptVerifier(List.of(logCertificate), Optional.empty());
    }

    private static void assertMalformed(ObjectNode r) {
        assertThatThrownBy(() -> EvidenceReceipt.parse(JSON.writeValueAsBytes(r))).as(r.toString())
                .isInstanceOfSatisfying(SealException.class,
                        e -> assertThat(e.code()).isEqualTo(EvidenceReceipt.MALFORMED));
    }
}
