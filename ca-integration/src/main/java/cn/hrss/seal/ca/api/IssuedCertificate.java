package cn.hrss.seal.ca.api;

import org.bouncycastle.cert.X509CertificateHolder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;

/** A certificate the CA issued, with the profile it was issued under. */
public record IssuedCertificate(CertificateProfile profile, X509CertificateHolder certificate) {
    public IssuedCertificate {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(certificate, "certificate");
    }

    public BigInteger serial() {
        return certificate.getSerialNumber();
    }

    public String subject() {
        return certificate.getSubject().toString();
    }

    public Instant notBefore() {
        return certificate.getNotBefore().toInstant();
    }

    public Instant notAfter() {
        return certificate.getNotAfter().toInstant();
    }

    /** DER encoding. */
    public byte[] encoded() {
        try {
            return certificate.getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
