package cn.hrss.seal.federation.api;

import cn.hrss.seal.core.message.MessageKind;

/** The URL space of federation: everything under {@code /federation/} is signed both ways. */
public final class FederationPaths {
    /** Servlet pattern of the verifying filter. */
    public static final String ROOT_PATTERN = "/federation/*";
    /** Ant pattern, e.g. for declaring the paths public to the bearer-token chain (the signature authenticates). */
    public static final String ANT_PATTERN = "/federation/**";

    private FederationPaths() {
    }

    /** Where a message of {@code kind} is POSTed: {@code /federation/messages/<name>/<version>}. */
    public static String messagePath(MessageKind kind) {
        return "/federation/messages/" + kind.name() + "/" + kind.version();
    }
}
