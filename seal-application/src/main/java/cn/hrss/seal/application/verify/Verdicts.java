package cn.hrss.seal.application.verify;

import java.util.List;

final class Verdicts {
    private Verdicts() {
    }

    static Verdict of(List<CheckResult> checks) {
        Verdict verdict = Verdict.PASSED;
        for (CheckResult check : checks) {
            if (check.decisive()) {
                verdict = verdict.and(check.verdict());
            }
        }
        return verdict;
    }
}
