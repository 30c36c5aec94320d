package cn.hrss.seal.application.online;

/** Why an online source could not give a trustworthy answer; becomes the reason of an INDETERMINATE result. */
final class OnlineException extends Exception {
    OnlineException(String message) {
        super(message);
    }

    OnlineException(String message, Throwable cause) {
        super(message, cause);
    }
}
