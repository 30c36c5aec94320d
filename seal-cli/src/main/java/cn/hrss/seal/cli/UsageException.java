package cn.hrss.seal.cli;

/** Options that parse but do not fit together: exit 64 like any usage error. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
