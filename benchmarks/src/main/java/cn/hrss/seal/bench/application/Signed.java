package cn.hrss.seal.bench.application;

import cn.hrss.seal.application.verify.Verdict;
import cn.hrss.seal.application.verify.VerificationReport;
import cn.hrss.seal.core.ses.SesCheck;
import cn.hrss.seal.core.ses.SesVerification;

/** Guards of the benchmarks' set-up: what they sign must verify, what they verify must pass. */
final class Signed {
    private Signed() {
    }

    static VerificationReport requirePassed(String what, VerificationReport report) {
        if (report.verdict() != Verdict.PASSED) {
            throw new IllegalStateException(what + " does not verify: " + report);
        }
        return report;
    }

    static SesVerification requirePassed(String what, SesVerification verification) {
        if (verification.verdict() != SesCheck.Status.PASSED) {
            throw new IllegalStateException(what + " does not verify: " + verification.checks());
        }
        return verification;
    }
}
