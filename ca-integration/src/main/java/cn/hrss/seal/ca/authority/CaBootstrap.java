package cn.hrss.seal.ca.authority;

import cn.hrss.seal.ca.CaNodeProperties;
import cn.hrss.seal.ca.CaProperties;
import cn.hrss.seal.ca.api.CertificateStatus;
import cn.hrss.seal.ca.api.IssuedCertificate;
import cn.hrss.seal.ca.api.SystemCertificateRequest;
import cn.hrss.seal.ca.persistence.CertificateStore;
import cn.hrss.seal.core.crypto.BouncyCastle;
import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.device.KeyRef;
import cn.hrss.seal.core.device.Sm2PublicKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.cert.CertificateException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Establishes the CA's identities at startup. Keys are found in the device by label (generated on first start),
 * certificates are loaded from the database and issued only when missing, not matching the device key or the
 * configured subject, not signed by the current root, revoked or near the end of their validity; so restarts are
 * idempotent.
 */
final class CaBootstrap {
    private static final Logger log = LoggerFactory.getLogger(CaBootstrap.class);

    private final CipherDevice device;
    private final CertificateStore store;
    private final CertificateIssuer issuer;
    private final CertificateProfiles profiles;
    private final CaProperties properties;
    private final CaNodeProperties node;
    private final Clock clock;

    CaBootstrap(CipherDevice device, CertificateStore store, CertificateIssuer issuer, CertificateProfiles profiles,
                CaProperties properties, CaNodeProperties node, Clock clock) {
        this.device = device;
        this.store = store;
        this.issuer = issuer;
        this.profiles = profiles;
        this.properties = properties;
        this.node = node;
        this.clock = clock;
    }

    CaIdentities establish() {
        SigningIdentity root = root();
        String name = properties.nodeName();
        SigningIdentity nodeId = endEntity(CaIdentities.NODE_KEY, root, key -> profiles.system(
                new SystemCertificateRequest(name, properties.organisation(), node.tier(), node.region(), key)));
        SigningIdentity ocsp = endEntity(CaIdentities.OCSP_KEY, root, key -> profiles.ocspSigner(name, key));
        SigningIdentity tsa = endEntity(CaIdentities.TSA_KEY, root, key -> profiles.tsa(name, key));
        return new CaIdentities(root, nodeId, ocsp, tsa);
    }

    private SigningIdentity root() {
        KeyRef key = keyFor(CaIdentities.ROOT_KEY);
        Sm2PublicKey publicKey = device.exportSignPublicKey(key);
        Optional<IssuedCertificate> stored = store.latestForKey(CaIdentities.ROOT_KEY);
        if (stored.isPresent()) {
            X509CertificateHolder cert = stored.get().certificate();
            if (!publicKey.equals(Sm2PublicKey.fromSubjectPublicKeyInfo(cert.getSubjectPublicKeyInfo()))) {
                // Never silently replace a trust anchor: every issued certificate and seal hangs off it.
                throw new IllegalStateException("the seal root certificate in the database does not match the key '"
                        + CaIdentities.ROOT_KEY + "' in the cipher device; wrong database or device?");
            }
            log.info("seal root loaded: serial {}", cert.getSerialNumber().toString(16));
            return new SigningIdentity(key, cert);
        }
        X500Name subject = new X500Name(properties.rootSubject());
        IssuedCertificate cert = issuer.selfSign(profiles.sealRoot(subject, publicKey), key);
        log.info("seal root generated: {} serial {}", subject, cert.serial().toString(16));
        return new SigningIdentity(key, cert.certificate());
    }

    private SigningIdentity endEntity(String label, SigningIdentity root,
                                      Function<Sm2PublicKey, CertificateTemplate> profile) {
        KeyRef key = keyFor(label);
        Sm2PublicKey publicKey = device.exportSignPublicKey(key);
        CertificateTemplate template = profile.apply(publicKey);
        Optional<X509CertificateHolder> usable = store.latestForKey(label)
                .map(IssuedCertificate::certificate)
                .filter(c -> publicKey.equals(Sm2PublicKey.fromSubjectPublicKeyInfo(c.getSubjectPublicKeyInfo())))
                // a changed node name, organisation, tier or region shows in the subject
                .filter(c -> c.getSubject().equals(template.subject()))
                .filter(c -> signedBy(c, root.certificate()))
                .filter(c -> store.status(c.getSerialNumber()).state() == CertificateStatus.State.GOOD)
                .filter(c -> stillFresh(c, template.validity()));
        if (usable.isPresent()) {
            return new SigningIdentity(key, usable.get());
        }
        IssuedCertificate issued = issuer.issue(template, root, label);
        log.info("issued {} certificate for key '{}': serial {}", issued.profile(), label,
                issued.serial().toString(16));
        return new SigningIdentity(key, issued.certificate());
    }

    private KeyRef keyFor(String label) {
        return device.findKey(label).orElseGet(() -> {
            log.info("generating key '{}' in the cipher device", label);
            return device.generateKeyPair(label);
        });
    }

    /** Re-issue when less than a tenth of the profile's validity is left. */
    private boolean stillFresh(X509CertificateHolder cert, Duration validity) {
        Instant renewFrom = cert.getNotAfter().toInstant().minus(validity.dividedBy(10));
        return clock.instant().isBefore(renewFrom);
    }

    static boolean signedBy(X509CertificateHolder cert, X509CertificateHolder issuer) {
        try {
            return cert.getIssuer().equals(issuer.getSubject()) && cert.isSignatureValid(
                    new JcaContentVerifierProviderBuilder().setProvider(BouncyCastle.PROVIDER).build(issuer));
        } catch (CertException | OperatorCreationException | CertificateException e) {
            return false;
        }
    }
}
