package cn.hrss.seal.application.verify;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * Adds evidence-receipt checks to a verification report. A receipt belongs to a signature when its leaf names the
 * signature's seal and records the document as that signature produced it: for a PDF a signed revision (the file up
 * to one of its {@code %%EOF} markers, which is what an incremental signing returned), otherwise the whole file.
 * A receipt that belongs to no signature is reported at document level as not recording this document.
 */
public final class EvidenceChecks {
    private static final byte[] EOF_MARKER = "%%EOF".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_REVISIONS = 64;

    private EvidenceChecks() {
    }

    /**
     * Hex SM3 of the whole document and of each PDF revision, newest first. One pass over the document: at each
     * revision end the running digest is copied and finished, so many revisions cost no more than one.
     */
    public static List<String> revisionDigests(byte[] document) {
        List<Integer> ends = new ArrayList<>();
        if (startsWith(document, "%PDF-")) {
            for (int i = indexOf(document, 0); i >= 0 && ends.size() < MAX_REVISIONS; i = indexOf(document, i + 1)) {
                int end = i + EOF_MARKER.length;
                ends.add(end);
                if (end < document.length && document[end] == '\r') {
                    end++;
                    ends.add(end);
                }
                if (end < document.length && document[end] == '\n') {
                    ends.add(end + 1);
                }
            }
        }
        ends.add(document.length);
        List<String> oldestFirst = new ArrayList<>();
        SM3Digest running = new SM3Digest();
        int done = 0;
        for (int end : ends) {
            running.update(document, done, end - done);
            done = end;
            byte[] out = new byte[running.getDigestSize()];
            new SM3Digest(running).doFinal(out, 0);
            oldestFirst.add(HexFormat.of().formatHex(out));
        }
        Set<String> newestFirst = new LinkedHashSet<>();
        for (int k = oldestFirst.size() - 1; k >= 0; k--) {
            newestFirst.add(oldestFirst.get(k));
        }
        return List.copyOf(newestFirst);
    }

    /**
     * @param revisions the document's {@link #revisionDigests}
     * @param receipts  receipts given with the document or found by the node, each checked once
     */
    public static VerificationReport withEvidence(VerificationReport report, List<String> revisions,
                                                  List<EvidenceReceipt> receipts, EvidenceReceiptVerifier verifier) {
        if (receipts.isEmpty()) {
            return report;
        }
        List<EvidenceReceipt> unused = new ArrayList<>(receipts);
        List<SignatureReport> signatures = new ArrayList<>();
        for (SignatureReport signature : report.signatures()) {
            Optional<EvidenceReceipt> match = unused.stream().filter(r -> belongsTo(r, signature, revisions))
                    .findFirst();
            if (match.isEmpty()) {
                signatures.add(signature);
                continue;
            }
            unused.remove(match.get());
            ReceiptVerification checked = verifier.verify(match.get(), revisions);
            List<CheckResult> checks = new ArrayList<>(signature.checks());
            checks.addAll(checked.checks());
            signatures.add(new SignatureReport(signature.name(), signature.signer(), signature.esId(),
                    signature.sealName(), signature.claimedTime(), signature.timeStampTime(), checks, signature.seal()));
        }
        List<CheckResult> documentChecks = new ArrayList<>(report.documentChecks());
        for (EvidenceReceipt stray : unused) {
            documentChecks.add(CheckResult.failed(Check.EVIDENCE_INCLUSION,
                    EvidenceReceiptVerifier.LEAF_NOT_THIS_DOCUMENT, "the receipt for leaf " + stray.leafIndex()
                            + " records no signature of this document"));
        }
        return new VerificationReport(report.validationTime(), documentChecks, signatures);
    }

    private static boolean belongsTo(EvidenceReceipt receipt, SignatureReport signature, List<String> revisions) {
        Map<String, String> leaf = EvidenceReceiptVerifier.leafFields(receipt.leaf());
        if (leaf == null || signature.esId().isEmpty() || !signature.esId().get().equals(leaf.get("esId"))) {
            return false;
        }
        List<String> signed = Arrays.asList(leaf.getOrDefault("signedSm3", "").split(","));
        return revisions.stream().anyMatch(signed::contains);
    }

    private static boolean startsWith(byte[] data, String prefix) {
        byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
        return data.length >= p.length && Arrays.equals(Arrays.copyOf(data, p.length), p);
    }

    private static int indexOf(byte[] data, int from) {
        outer:
        for (int i = from; i <= data.length - EOF_MARKER.length; i++) {
            for (int j = 0; j < EOF_MARKER.length; j++) {
                if (data[i + j] != EOF_MARKER[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
