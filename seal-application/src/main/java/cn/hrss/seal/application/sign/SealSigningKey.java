package cn.hrss.seal.application.sign;

import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.device.KeyRef;
import cn.hrss.seal.core.error.SealException;
import cn.hrss.seal.core.ses.SealView;
import cn.hrss.seal.core.ses.SesCheck;
import cn.hrss.seal.core.ses.SesParser;
import cn.hrss.seal.core.ses.SesVerifier;
import org.bouncycastle.cert.X509CertificateHolder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything a document signer needs to apply one seal: the seal key in its cipher device, the signer certificate
 * chain (signer first, up to and including the root) and the GB/T 38540 seal (DER) whose picture is the stamp.
 * Construction checks that the signer certificate is one the seal lists, so a mixed-up seal fails before signing.
 */
public final class SealSigningKey {
    /** The signer certificate is not listed in the seal. */
    public static final String SIGNER_NOT_IN_SEAL = "SIGN_SIGNER_NOT_IN_SEAL";
    /** The signer certificate is expired or not yet valid at the signing time. */
    public static final String CERTIFICATE_NOT_VALID = "SIGN_CERTIFICATE_NOT_VALID";
    /** The seal is expired or not yet valid at the signing time. */
    public static final String SEAL_NOT_VALID = "SIGN_SEAL_NOT_VALID";

    private final CipherDevice device;
    private final KeyRef key;
    private final List<X509CertificateHolder> chain;
    private final byte[] seal;
    private final SealView sealView;
    // the signer certificate's validity, read once: every signature checks it
    private final Instant certificateFrom;
    private final Instant certificateTo;

    public SealSigningKey(CipherDevice device, KeyRef key, List<X509CertificateHolder> chain, byte[] seal) {
        this.device = Objects.requireNonNull(device, "device");
        this.key = Objects.requireNonNull(key, "key");
        this.chain = List.copyOf(chain);
        if (this.chain.isEmpty()) {
            throw new IllegalArgumentException("certificate chain must hold at least the signer certificate");
        }
        this.seal = seal.clone();
        this.sealView = new SesParser().parseSeal(this.seal);
        this.certificateFrom = this.chain.get(0).getNotBefore().toInstant();
        this.certificateTo = this.chain.get(0).getNotAfter().toInstant();
        SesCheck listed = SesVerifier.certificateListed(sealView, encoded(this.chain.get(0)));
        if (!listed.passed()) {
            throw new SealException(SIGNER_NOT_IN_SEAL, 409, listed.reason());
        }
    }

    /**
     * Refuses to sign at a time the signer certificate or the seal is not valid; signers call it with their signing
     * time so that no document gets a signature every verifier will reject. Revocation is the caller's concern.
     */
    public void checkUsableAt(Instant signingTime) {
        if (signingTime.isBefore(certificateFrom) || signingTime.isAfter(certificateTo)) {
            throw new SealException(CERTIFICATE_NOT_VALID, 409, "signer certificate "
                    + signerCertificate().getSubject() + " is valid from " + certificateFrom + " to " + certificateTo
                    + ", not at " + signingTime);
        }
        SesCheck sealValid = SesVerifier.sealValidAt(sealView, signingTime);
        if (!sealValid.passed()) {
            throw new SealException(SEAL_NOT_VALID, 409, sealValid.reason());
        }
    }

    public CipherDevice device() {
        return device;
    }

    public KeyRef key() {
        return key;
    }

    /** Signer certificate first, then its issuers. */
    public List<X509CertificateHolder> chain() {
        return chain;
    }

    public X509CertificateHolder signerCertificate() {
        return chain.get(0);
    }

    /** The seal as DER SESeal. */
    public byte[] seal() {
        return seal.clone();
    }

    /** The parsed seal: esID, name, picture (bytes and size in millimetres). */
    public SealView sealView() {
        return sealView;
    }

    private static byte[] encoded(X509CertificateHolder certificate) {
        try {
            return certificate.getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
