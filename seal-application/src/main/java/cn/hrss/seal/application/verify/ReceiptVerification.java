package cn.hrss.seal.application.verify;

import java.util.List;
import java.util.Map;

/**
 * The outcome of checking an evidence receipt: a verdict from the decisive checks, each check with its code and
 * reason, and the fields the log leaf records (digests and identifiers only).
 */
public record ReceiptVerification(Verdict verdict, List<CheckResult> checks, Map<String, String> leaf, long leafIndex,
                                  long treeSize, String logId) {
    public ReceiptVerification {
        checks = List.copyOf(checks);
        leaf = Map.copyOf(leaf);
    }
}
