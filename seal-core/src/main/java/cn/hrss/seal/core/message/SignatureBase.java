package cn.hrss.seal.core.message;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The canonical bytes that are signed, in the style of RFC 9421's signature base: one line per covered component,
 * {@code "name": value} joined by LF, closed by an {@code "@signature-params"} line (no trailing LF) that lists the
 * covered components and the profile {@code alg="sm2-sm3";v=1}. Everything is US-ASCII. A request covers
 * {@code @method} and {@code @target}; a response covers {@code @status} and the request's method, target and
 * nonce (marked {@code ;req}), so requests and responses can never be confused. docs/FEDERATION-PROTOCOL.md
 * has worked examples.
 */
public final class SignatureBase {
    static final String PARAMS = ";alg=\"sm2-sm3\";v=1";

    private SignatureBase() {
    }

    /** The signature base of {@code headers} (their signature, if any, is not covered) in {@code context}. */
    public static byte[] of(MessageContext context, MessageHeaders headers) {
        List<String[]> lines = new ArrayList<>();
        if (context instanceof MessageContext.Request r) {
            lines.add(new String[] {"\"@method\"", r.method()});
            lines.add(new String[] {"\"@target\"", r.target()});
        } else if (context instanceof MessageContext.Response r) {
            lines.add(new String[] {"\"@status\"", Integer.toString(r.status())});
            lines.add(new String[] {"\"@method\";req", r.request().method()});
            lines.add(new String[] {"\"@target\";req", r.request().target()});
            lines.add(new String[] {"\"seal-nonce\";req", r.requestNonce()});
        }
        lines.add(new String[] {"\"seal-message-kind\"", headers.kind().toString()});
        lines.add(new String[] {"\"seal-message-id\"", headers.messageId()});
        lines.add(new String[] {"\"seal-signer\"", headers.signer().hex()});
        lines.add(new String[] {"\"seal-timestamp\"", Long.toString(headers.timestamp().getEpochSecond())});
        lines.add(new String[] {"\"seal-nonce\"", headers.nonce()});
        lines.add(new String[] {"\"content-digest\"", headers.contentDigestValue()});

        StringBuilder base = new StringBuilder(512);
        StringBuilder covered = new StringBuilder("(");
        for (String[] line : lines) {
            base.append(line[0]).append(": ").append(line[1]).append('\n');
            covered.append(covered.length() == 1 ? "" : " ").append(line[0]);
        }
        covered.append(')');
        base.append("\"@signature-params\": ").append(covered).append(PARAMS);
        return base.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
