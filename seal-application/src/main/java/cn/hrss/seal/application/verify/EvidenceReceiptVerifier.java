package cn.hrss.seal.application.verify;

import cn.hrss.seal.core.anchor.AnchoredCheckpoint;
import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.crypto.Sm3;
import cn.hrss.seal.core.device.Sm2PublicKey;
import cn.hrss.seal.core.merkle.MerkleHashes;
import cn.hrss.seal.core.merkle.MerkleProofs;
import cn.hrss.seal.core.message.SignerId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * Checks an evidence receipt with nothing but the receipt, trusted roots and (online) the ledger: the leaf records the
 * document, the inclusion proof leads to the checkpoint's root, the log signed the checkpoint, the parent tier
 * cosigned it, and the ledger holds the same root and checkpoint digest. A third party can do the same from
 * docs/EVIDENCE.md.
 */
public final class EvidenceReceiptVerifier {
    public static final String LEAF_MALFORMED = "EVIDENCE_LEAF_MALFORMED";
    public static final String LEAF_NOT_THIS_DOCUMENT = "EVIDENCE_LEAF_NOT_THIS_DOCUMENT";
    public static final String INCLUSION_INVALID = "EVIDENCE_INCLUSION_INVALID";
    public static final String LOG_KEY_MISMATCH = "EVIDENCE_LOG_KEY_MISMATCH";
    public static final String CHECKPOINT_SIGNATURE_INVALID = "EVIDENCE_CHECKPOINT_SIGNATURE_INVALID";
    public static final String NOT_WITNESSED = "EVIDENCE_NOT_WITNESSED";
    public static final String COSIGNATURE_INVALID = "EVIDENCE_COSIGNATURE_INVALID";
    public static final String NOT_ANCHORED = "EVIDENCE_NOT_ANCHORED";
    public static final String ANCHOR_NOT_CHECKED = "EVIDENCE_ANCHOR_NOT_CHECKED";
    public static final String ANCHOR_NOT_FOUND = "EVIDENCE_ANCHOR_NOT_FOUND";
    public static final String ANCHOR_MISMATCH = "EVIDENCE_ANCHOR_MISMATCH";
    public static final String ANCHOR_UNAVAILABLE = "EVIDENCE_ANCHOR_UNAVAILABLE";
    static final String LEAF_HEADER = "HRSS-SEAL-EVIDENCE/1";

    /** Asks the ledger named in a receipt what it recorded for (log, tree size). */
    @FunctionalInterface
    public interface Ledger {
        Optional<AnchoredCheckpoint> recorded(EvidenceReceipt.Anchor anchor, String logId, long treeSize);
    }

    private final CertificatePathValidator paths;
    private final Optional<Ledger> ledger;

    /** @param ledger empty for offline verification: the anchor is then reported, not checked */
    public EvidenceReceiptVerifier(Collection<X509CertificateHolder> trustedRoots, Optional<Ledger> ledger) {
        this.paths = new CertificatePathValidator(List.copyOf(trustedRoots), RevocationSource.notChecked());
        this.ledger = ledger;
    }

    /**
     * @param documentSm3 hex SM3 digests of the document (or its signed revisions) the receipt is meant to cover;
     *                    empty to check the receipt alone
     */
    public ReceiptVerification verify(EvidenceReceipt receipt, Collection<String> documentSm3) {
        List<CheckResult> checks = new ArrayList<>();
        Map<String, String> leaf = leafFields(receipt.leaf());
        checks.add(inclusion(receipt, leaf, documentSm3));
        checks.add(checkpoint(receipt));
        checks.add(witness(receipt));
        checks.add(anchor(receipt));
        return new ReceiptVerification(Verdicts.of(checks), checks, leaf == null ? Map.of() : leaf,
                receipt.leafIndex(), receipt.treeSize(), receipt.logId());
    }

    private static CheckResult inclusion(EvidenceReceipt r, Map<String, String> leaf, Collection<String> documents) {
        if (leaf == null) {
            return CheckResult.failed(Check.EVIDENCE_INCLUSION, LEAF_MALFORMED,
                    "the leaf is not an " + LEAF_HEADER + " record");
        }
        if (!documents.isEmpty()) {
            List<String> recorded = new ArrayList<>();
            recorded.addAll(List.of(leaf.getOrDefault("documentSm3", "").split(",")));
            recorded.addAll(List.of(leaf.getOrDefault("signedSm3", "").split(",")));
            if (documents.stream().noneMatch(recorded::contains)) {
                return CheckResult.failed(Check.EVIDENCE_INCLUSION, LEAF_NOT_THIS_DOCUMENT,
                        "leaf " + r.leafIndex() + " records other documents than this one");
            }
        }
        boolean included = MerkleProofs.verifyInclusion(MerkleHashes.leaf(r.leaf()), r.leafIndex(), r.treeSize(),
                r.inclusionProof(), r.rootHash());
        return included
                ? CheckResult.passed(Check.EVIDENCE_INCLUSION, "leaf " + r.leafIndex() + " (" + leaf.get("kind")
                + (leaf.containsKey("esId") ? ", seal " + leaf.get("esId") : "") + ", " + leaf.getOrDefault("signedAt",
                leaf.getOrDefault("at", "")) + ") is in the log's tree of size " + r.treeSize())
                : CheckResult.failed(Check.EVIDENCE_INCLUSION, INCLUSION_INVALID,
                "the inclusion proof does not lead from leaf " + r.leafIndex() + " to the checkpoint root");
    }

    private CheckResult checkpoint(EvidenceReceipt r) {
        X509CertificateHolder logCertificate = r.logCertificates().get(0);
        Sm2PublicKey key;
        try {
            key = Sm2PublicKey.fromSubjectPublicKeyInfo(logCertificate.getSubjectPublicKeyInfo());
        } catch (RuntimeException e) {
            return CheckResult.failed(Check.EVIDENCE_CHECKPOINT, LOG_KEY_MISMATCH, "the log certificate has no SM2 key");
        }
        if (!SignerId.of(key).hex().equals(r.logId())) {
            return CheckResult.failed(Check.EVIDENCE_CHECKPOINT, LOG_KEY_MISMATCH,
                    "the log id is not the SM3 of the log certificate's key");
        }
        if (!verifies(key, r.checkpointBody(), r.checkpointSignature())) {
            return CheckResult.failed(Check.EVIDENCE_CHECKPOINT, CHECKPOINT_SIGNATURE_INVALID,
                    "the checkpoint signature does not verify with the log certificate");
        }
        Optional<CheckResult> problem = pathProblem(logCertificate, r.logCertificates(), r);
        return problem.map(p -> withCheck(Check.EVIDENCE_CHECKPOINT, p, "log certificate: "))
                .orElseGet(() -> CheckResult.passed(Check.EVIDENCE_CHECKPOINT, "checkpoint of size " + r.treeSize()
                        + " at " + r.checkpointTime() + " signed by " + CertificatePathValidator.name(logCertificate.getSubject())));
    }

    private CheckResult witness(EvidenceReceipt r) {
        if (r.cosignatures().isEmpty()) {
            return CheckResult.indeterminate(Check.EVIDENCE_WITNESS, NOT_WITNESSED,
                    "no witness has cosigned this checkpoint yet; fetch the receipt again later").informational();
        }
        List<String> witnesses = new ArrayList<>();
        for (EvidenceReceipt.Cosignature c : r.cosignatures()) {
            X509CertificateHolder certificate = c.certificates().get(0);
            Sm2PublicKey key;
            try {
                key = Sm2PublicKey.fromSubjectPublicKeyInfo(certificate.getSubjectPublicKeyInfo());
            } catch (RuntimeException e) {
                return CheckResult.failed(Check.EVIDENCE_WITNESS, COSIGNATURE_INVALID, "a witness certificate has no SM2 key");
            }
            if (!SignerId.of(key).hex().equals(c.witness()) || !verifies(key, r.checkpointBody(), c.signature())) {
                return CheckResult.failed(Check.EVIDENCE_WITNESS, COSIGNATURE_INVALID,
                        "the cosignature of witness " + c.witness() + " does not verify");
            }
            Optional<CheckResult> problem = pathProblem(certificate, c.certificates(), r);
            if (problem.isPresent()) {
                return withCheck(Check.EVIDENCE_WITNESS, problem.get(), "witness certificate: ");
            }
            witnesses.add(CertificatePathValidator.name(certificate.getSubject()));
        }
        return CheckResult.passed(Check.EVIDENCE_WITNESS, "cosigned by " + String.join("; ", witnesses));
    }

    private CheckResult anchor(EvidenceReceipt r) {
        if (r.anchor().isEmpty()) {
            return CheckResult.indeterminate(Check.EVIDENCE_ANCHOR, NOT_ANCHORED,
                    "this checkpoint is not anchored yet; fetch the receipt again later").informational();
        }
        EvidenceReceipt.Anchor a = r.anchor().get();
        String where = a.ledger() + " transaction " + a.transactionHash() + " (block " + a.blockNumber() + ")";
        if (ledger.isEmpty()) {
            return CheckResult.indeterminate(Check.EVIDENCE_ANCHOR, ANCHOR_NOT_CHECKED,
                    "anchored on " + where + "; not checked (offline verification)").informational();
        }
        Optional<AnchoredCheckpoint> recorded;
        try {
            recorded = ledger.get().recorded(a, r.logId(), r.treeSize());
        } catch (RuntimeException e) {
            return CheckResult.indeterminate(Check.EVIDENCE_ANCHOR, ANCHOR_UNAVAILABLE,
                    "the ledger " + a.ledger() + " could not be asked: " + e.getMessage());
        }
        if (recorded.isEmpty()) {
            return CheckResult.failed(Check.EVIDENCE_ANCHOR, ANCHOR_NOT_FOUND,
                    "the ledger holds no root for this log at size " + r.treeSize());
        }
        byte[] digest = Sm3.hash(r.checkpointBody().getBytes(StandardCharsets.US_ASCII));
        if (!Arrays.equals(recorded.get().rootHash(), r.rootHash())
                || !Arrays.equals(recorded.get().checkpointDigest(), digest)) {
            return CheckResult.failed(Check.EVIDENCE_ANCHOR, ANCHOR_MISMATCH,
                    "the ledger holds a different root or checkpoint for this log at size " + r.treeSize());
        }
        return CheckResult.passed(Check.EVIDENCE_ANCHOR, "the ledger records this root: " + where);
    }

    private Optional<CheckResult> pathProblem(X509CertificateHolder certificate,
                                              List<X509CertificateHolder> chain, EvidenceReceipt r) {
        CertificatePathValidator.PathResult path = paths.validate(certificate, chain.subList(1, chain.size()),
                new SigningTime(r.checkpointTime(), false));
        return path.firstProblem();
    }

    private static CheckResult withCheck(Check check, CheckResult problem, String prefix) {
        return new CheckResult(check, problem.verdict(), problem.code(), prefix + problem.reason(), problem.decisive());
    }

    private static boolean verifies(Sm2PublicKey key, String body, byte[] signature) {
        try {
            return Sm2.verify(key, body.getBytes(StandardCharsets.US_ASCII), signature);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The leaf's key=value lines after its header; null when it is not such a record. */
    static Map<String, String> leafFields(byte[] leaf) {
        String text = new String(leaf, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        if (lines.length < 2 || !lines[0].equals(LEAF_HEADER)) {
            return null;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int eq = lines[i].indexOf('=');
            if (eq <= 0 || fields.put(lines[i].substring(0, eq), lines[i].substring(eq + 1)) != null) {
                return null;
            }
        }
        return fields.containsKey("kind") ? fields : null;
    }
}
