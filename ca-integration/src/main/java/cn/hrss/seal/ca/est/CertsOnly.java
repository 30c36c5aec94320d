package cn.hrss.seal.ca.est;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSAbsentContent;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.util.CollectionStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;

/** The "certs-only" CMS SignedData (RFC 5751 3.2.2) that EST carries base64-encoded (RFC 7030 4.1.3, 4.2.3). */
final class CertsOnly {
    private CertsOnly() {
    }

    static String encode(List<X509CertificateHolder> certificates) {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addCertificates(new CollectionStore<>(certificates));
            byte[] der = generator.generate(new CMSAbsentContent(), false).getEncoded();
            return Base64.getMimeEncoder().encodeToString(der);
        } catch (CMSException e) {
            throw new IllegalStateException("cannot encode certs-only message", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @throws IllegalArgumentException if the body is not base64 of a certs-only SignedData with certificates
     */
    static List<X509CertificateHolder> decode(byte[] base64) {
        try {
            CMSSignedData signed = new CMSSignedData(Base64.getMimeDecoder().decode(base64));
            List<X509CertificateHolder> certs = List.copyOf(signed.getCertificates().getMatches(null));
            if (certs.isEmpty()) {
                throw new IllegalArgumentException("certs-only message holds no certificate");
            }
            return certs;
        } catch (CMSException | RuntimeException e) {
            throw new IllegalArgumentException("not a base64 certs-only message: " + e.getMessage(), e);
        }
    }
}
