package cn.hrss.seal.ca.authority;

import org.bouncycastle.cert.X509CertificateHolder;

import java.util.List;
import java.util.Objects;

/**
 * The signing identities of the embedded CA, established at startup by {@link CaBootstrap}.
 *
 * @param root       the seal root: signs certificates and CRLs
 * @param node       this node's system certificate
 * @param ocspSigner delegated OCSP responder
 * @param tsa        time-stamping unit
 */
public record CaIdentities(SigningIdentity root, SigningIdentity node, SigningIdentity ocspSigner,
                           SigningIdentity tsa) {
    public static final String ROOT_KEY = "seal-root";
    public static final String NODE_KEY = "node-system";
    public static final String OCSP_KEY = "ca-ocsp";
    public static final String TSA_KEY = "ca-tsa";

    public CaIdentities {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(ocspSigner, "ocspSigner");
        Objects.requireNonNull(tsa, "tsa");
    }

    public X509CertificateHolder rootCertificate() {
        return root.certificate();
    }

    /** The node certificate followed by the root. */
    public List<X509CertificateHolder> nodeChain() {
        return List.of(node.certificate(), root.certificate());
    }
}
