package cn.hrss.seal.ca.crl;

import cn.hrss.seal.ca.api.CertificateRevoked;
import cn.hrss.seal.ca.api.CertificateStatus;
import cn.hrss.seal.ca.authority.CaIdentities;
import cn.hrss.seal.ca.persistence.CertificateStore;
import cn.hrss.seal.ca.persistence.PublishedCrl;
import cn.hrss.seal.core.device.CipherDevice;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;

/**
 * Makes and serves the seal root's CRL. A new CRL is made after every revocation and, on demand, once less than
 * a quarter of the current one's validity is left. The database holds every CRL, so nodes sharing it serve the
 * same one; the CRL number is the primary key, which settles two nodes publishing at once.
 */
final class CrlPublisher {
    private static final Logger log = LoggerFactory.getLogger(CrlPublisher.class);

    private final CipherDevice device;
    private final CaIdentities identities;
    private final CertificateStore store;
    private final Clock clock;
    private final Duration validity;

    CrlPublisher(CipherDevice device, CaIdentities identities, CertificateStore store, Clock clock,
                 Duration validity) {
        this.device = device;
        this.identities = identities;
        this.store = store;
        this.clock = clock;
        this.validity = validity;
    }

    /** The CRL to serve now. */
    PublishedCrl current() {
        return store.latestCrl().filter(this::fresh).orElseGet(this::publish);
    }

    @EventListener
    void onRevocation(CertificateRevoked event) {
        publish();
    }

    synchronized PublishedCrl publish() {
        for (int attempt = 0; attempt < 3; attempt++) {
            List<CertificateStatus> revoked = store.revoked();
            PublishedCrl crl = make(store.nextCrlNumber(), revoked);
            if (store.saveCrl(crl)) {
                log.info("published CRL {} ({} entries)", crl.number(), revoked.size());
                return crl;
            }
        }
        // Another node keeps winning the race; its CRL is as good as ours.
        return store.latestCrl().orElseThrow();
    }

    private boolean fresh(PublishedCrl crl) {
        Duration left = Duration.between(clock.instant(), crl.nextUpdate());
        Duration lifetime = Duration.between(crl.thisUpdate(), crl.nextUpdate());
        return left.compareTo(lifetime.dividedBy(4)) > 0;
    }

    private PublishedCrl make(long number, List<CertificateStatus> revocations) {
        X509CertificateHolder root = identities.rootCertificate();
        Instant thisUpdate = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant nextUpdate = thisUpdate.plus(validity);
        X509v2CRLBuilder builder = new X509v2CRLBuilder(root.getSubject(), Date.from(thisUpdate));
        builder.setNextUpdate(Date.from(nextUpdate));
        for (CertificateStatus revoked : revocations) {
            builder.addCRLEntry(revoked.serial(), Date.from(revoked.revokedAt()), revoked.reason().code());
        }
        try {
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new BcX509ExtensionUtils().createAuthorityKeyIdentifier(root.getSubjectPublicKeyInfo()));
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(number)));
            byte[] der = builder.build(identities.root().contentSigner(device)).getEncoded();
            return new PublishedCrl(number, thisUpdate, nextUpdate, der);
        } catch (CertIOException e) {
            throw new IllegalStateException("cannot encode CRL extension", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
