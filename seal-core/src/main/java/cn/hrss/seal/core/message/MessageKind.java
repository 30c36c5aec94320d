package cn.hrss.seal.core.message;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A versioned message kind, written {@code name/version} (e.g. {@code status.change/1}). The JSON record of each kind
 * belongs to the module that owns the flow; this class only names the kinds so every node spells them the same.
 */
public record MessageKind(String name, int version) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*");
    private static final Pattern TEXT = Pattern.compile("([a-z][a-z0-9.-]*)/([1-9][0-9]{0,3})");
    private static final int MAX_NAME = 64;

    /** A lower node's signed access-test report travelling up (flow 1). */
    public static final MessageKind ACCESS_TEST_REPORT = new MessageKind("access-test.report", 1);
    /** A node applying for registration and a system certificate (flow 2). */
    public static final MessageKind REGISTRATION_APPLY = new MessageKind("registration.apply", 1);
    /** A seal status change synchronised up or down (flow 4). */
    public static final MessageKind STATUS_CHANGE = new MessageKind("status.change", 1);
    /** A synchronous question for a seal's status history, asked up the tiers (flow 4). */
    public static final MessageKind STATUS_QUERY = new MessageKind("status.query", 1);
    /** The answer to {@link #STATUS_QUERY}. */
    public static final MessageKind STATUS_ANSWER = new MessageKind("status.answer", 1);
    /** A request for a seal code (esID) relayed towards the national platform (flow 3). */
    public static final MessageKind SEAL_CODE_REQUEST = new MessageKind("seal.code-request", 1);
    /** The national platform's unique code for a cross-industry seal, relayed down to the making node (flow 3). */
    public static final MessageKind SEAL_CODE_ASSIGNED = new MessageKind("seal.code-assigned", 1);
    /** A made cross-industry seal filed with the national platform, relayed up (flow 3). */
    public static final MessageKind SEAL_FILING = new MessageKind("seal.filing", 1);
    /** A child's evidence-log checkpoint with its consistency proof, for the parent to witness (issue 7). */
    public static final MessageKind EVIDENCE_CHECKPOINT = new MessageKind("evidence.checkpoint", 1);
    /** The parent's cosignature of a consistent checkpoint. */
    public static final MessageKind EVIDENCE_COSIGNATURE = new MessageKind("evidence.cosignature", 1);
    /** The response that acknowledges a message the receiver accepted. */
    public static final MessageKind RECEIPT = new MessageKind("message.receipt", 1);
    /** The response that carries an error body {@code {"code","message","details"}}. */
    public static final MessageKind ERROR = new MessageKind("message.error", 1);

    /** Every kind defined so far. */
    public static final Set<MessageKind> KNOWN =
            Set.of(ACCESS_TEST_REPORT, REGISTRATION_APPLY, STATUS_CHANGE, STATUS_QUERY, STATUS_ANSWER,
                    SEAL_CODE_REQUEST, SEAL_CODE_ASSIGNED, SEAL_FILING, EVIDENCE_CHECKPOINT, EVIDENCE_COSIGNATURE,
                    RECEIPT, ERROR);

    public MessageKind {
        Objects.requireNonNull(name, "name");
        if (name.length() > MAX_NAME || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("message kind name must be dotted lower-case words: " + name);
        }
        if (version < 1 || version > 9999) {
            throw new IllegalArgumentException("message kind version must be 1..9999: " + version);
        }
    }

    /** Parses {@code name/version}; rejects anything else. */
    public static MessageKind parse(String text) {
        if (text == null || text.length() > MAX_NAME + 5) {
            throw new IllegalArgumentException("message kind missing or too long");
        }
        var m = TEXT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("message kind must be name/version: " + text);
        }
        return new MessageKind(m.group(1), Integer.parseInt(m.group(2)));
    }

    @Override
    public String toString() {
        return name + "/" + version;
    }
}
