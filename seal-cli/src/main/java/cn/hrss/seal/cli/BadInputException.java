package cn.hrss.seal.cli;

/** Input the user can fix (unreadable package, wrong holder key, malformed document): exit 65, no stack trace. */
final class BadInputException extends RuntimeException {
    BadInputException(String message) {
        super(message);
    }

    BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
