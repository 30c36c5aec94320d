package cn.hrss.seal.ca.authority;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** PEM text of certificates. */
final class Pem {
    private Pem() {
    }

    static String certificates(List<X509CertificateHolder> certificates) {
        StringWriter out = new StringWriter();
        try (PemWriter writer = new PemWriter(out)) {
            for (X509CertificateHolder c : certificates) {
                writer.writeObject(new PemObject("CERTIFICATE", c.getEncoded()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
