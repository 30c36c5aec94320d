package cn.hrss.seal.cli;

import cn.hrss.seal.application.verify.Verdict;

/** The exit codes scripts rely on (sysexits.h for the two error codes). */
final class ExitCodes {
    static final int PASSED = 0;
    static final int FAILED = 1;
    static final int INDETERMINATE = 2;
    static final int USAGE = 64;
    static final int BAD_INPUT = 65;
    /** A service the command needs (the TSA) failed or cannot be reached. */
    static final int UNAVAILABLE = 69;
    /** A bug: the only case that prints a stack trace. */
    static final int INTERNAL = 70;

    private ExitCodes() {
    }

    static int of(Verdict verdict) {
        return switch (verdict) {
            case PASSED -> PASSED;
            case FAILED -> FAILED;
            case INDETERMINATE -> INDETERMINATE;
        };
    }
}
