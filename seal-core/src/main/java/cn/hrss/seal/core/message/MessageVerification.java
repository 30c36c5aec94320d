package cn.hrss.seal.core.message;

import java.util.Objects;

/** The outcome of verifying a received message: accepted with what was verified, or rejected with a code. */
public sealed interface MessageVerification {

    record Accepted(VerifiedMessage message) implements MessageVerification {
        public Accepted {
            Objects.requireNonNull(message, "message");
        }
    }

    /** {@code reason} is for logs and the error body; it never contains key material or personal data. */
    record Rejected(MessageProblem problem, String reason) implements MessageVerification {
        public Rejected {
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
