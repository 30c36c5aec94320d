package cn.hrss.seal.core.message;

/** A received message whose headers do not follow the protocol; becomes {@link MessageProblem#MESSAGE_MALFORMED}. */
public final class MalformedMessageException extends IllegalArgumentException {
    public MalformedMessageException(String message) {
        super(message);
    }
}
