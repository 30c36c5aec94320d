package cn.hrss.seal.core.message;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The certificates of the nodes this node talks to, by signer id. Revoked entries stay in the list so the receiver
 * can say "revoked" rather than "unknown". The signed, versioned trust list distributed from above (flow 2)
 * implements this later.
 */
@FunctionalInterface
public interface TrustList {
    Optional<TrustedSigner> find(SignerId id);

    /** A fixed list, e.g. for tests and static configuration. */
    static TrustList of(Collection<TrustedSigner> signers) {
        Map<SignerId, TrustedSigner> byId =
                signers.stream().collect(Collectors.toUnmodifiableMap(TrustedSigner::id, Function.identity()));
        return id -> Optional.ofNullable(byId.get(id));
    }
}
