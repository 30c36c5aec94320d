package cn.hrss.seal.application.ofd;

import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.device.KeyRef;
import cn.hrss.seal.core.ses.SesSigner;
import cn.hrss.seal.core.ses.v4.SESeal;

import java.util.Objects;

/**
 * The seal to apply and the signer who applies it. The private key stays behind {@link SesSigner} (a cipher device
 * key via {@link #of}). Kept in this package until the shared signing input of {@code application.sign} exists.
 *
 * @param signerCertificate DER certificate of the signer; must be listed in the seal
 */
public record OfdSealKey(SESeal seal, byte[] signerCertificate, SesSigner signer) {

    public OfdSealKey {
        Objects.requireNonNull(seal);
        Objects.requireNonNull(signer);
        signerCertificate = signerCertificate.clone();
    }

    public static OfdSealKey of(CipherDevice device, KeyRef key, byte[] signerCertificate, SESeal seal) {
        return new OfdSealKey(seal, signerCertificate, SesSigner.of(device, key));
    }

    @Override
    public byte[] signerCertificate() {
        return signerCertificate.clone();
    }
}
