package cn.hrss.seal.application.verify;

import java.time.Instant;
import java.util.List;

/**
 * The verification of a document: document-level checks (format of the container, presence of signatures) and
 * one report per signature. The verdict is the worst of all decisive results; a document without signatures is
 * INDETERMINATE (nothing was proven).
 */
public record VerificationReport(Instant validationTime, List<CheckResult> documentChecks,
                                 List<SignatureReport> signatures) {
    /** Document-level code when the document carries no signature. */
    public static final String NO_SIGNATURE = "NO_SIGNATURE";

    public VerificationReport {
        documentChecks = List.copyOf(documentChecks);
        signatures = List.copyOf(signatures);
    }

    public Verdict verdict() {
        Verdict verdict = Verdicts.of(documentChecks);
        for (SignatureReport signature : signatures) {
            verdict = verdict.and(signature.verdict());
        }
        return verdict;
    }
}
