package cn.hrss.seal.ca.api;

import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * Roots this node trusts beyond its own, contributed by the modules that establish them (the parent's pinned root
 * from service management). Verification on the node trusts its own root, the configured ones and these.
 */
@FunctionalInterface
public interface TrustAnchors {
    List<X509CertificateHolder> roots();
}
