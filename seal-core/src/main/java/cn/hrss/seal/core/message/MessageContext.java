package cn.hrss.seal.core.message;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a message travels in, beyond its headers and body: the request line, or for a response its status and the
 * request it answers (so a response cannot be replayed as the answer to another request).
 */
public sealed interface MessageContext {
    /** A request: upper-case method and the target as sent on the request line (raw path and query). */
    record Request(String method, String target) implements MessageContext {
        private static final Pattern METHOD = Pattern.compile("[A-Z]{1,16}");
        /** Printable ASCII without space: what may stand on an HTTP request line. */
        private static final Pattern TARGET = Pattern.compile("/[\\x21-\\x7e]{0,2047}");

        public Request {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(target, "target");
            if (!METHOD.matcher(method).matches()) {
                throw new IllegalArgumentException("method must be 1-16 upper-case letters");
            }
            if (!TARGET.matcher(target).matches()) {
                throw new IllegalArgumentException("target must be an absolute path of printable ASCII, at most 2048");
            }
        }
    }

    /** A response with its status, answering {@code request} that carried {@code requestNonce}. */
    record Response(int status, Request request, String requestNonce) implements MessageContext {
        public Response {
            if (status < 100 || status > 599) {
                throw new IllegalArgumentException("status must be 100..599: " + status);
            }
            Objects.requireNonNull(request, "request");
            MessageHeaders.checkNonce(requestNonce);
        }
    }
}
