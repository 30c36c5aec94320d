package cn.hrss.seal.core.ses;

import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.error.SealException;
import cn.hrss.seal.core.ses.v4.SESeal;
import cn.hrss.seal.core.ses.v4.SealInfo;

/**
 * Makes a GB/T 38540 seal in three steps: {@link #dataToBeSigned} (the DER of SES_SealInfo), the maker signs it
 * with a {@link SesSigner}, {@link #assemble} checks the signature against the maker certificate and builds the
 * SESeal. {@link #make} runs the three.
 */
public final class SealMaker {
    /** The signature value does not verify with the given maker certificate (wrong key or certificate). */
    public static final String SIGNATURE_MISMATCH = "SES_SIGNATURE_MISMATCH";

    private SealMaker() {
    }

    public static byte[] dataToBeSigned(SealInfo sealInfo) {
        return sealInfo.encoded();
    }

    /**
     * @param makerCertificate DER certificate of the seal maker (an SM2 organisation certificate)
     * @param signatureValue   DER SM2Signature (a raw r||s is converted to DER)
     */
    public static SESeal assemble(SealInfo sealInfo, byte[] makerCertificate, byte[] signatureValue) {
        byte[] der = checkedSignature(makerCertificate, sealInfo.encoded(), signatureValue, "maker");
        return new SESeal(sealInfo, makerCertificate, Sm2.SM3_WITH_SM2.getAlgorithm(), der);
    }

    public static SESeal make(SealInfo sealInfo, byte[] makerCertificate, SesSigner maker) {
        return assemble(sealInfo, makerCertificate, maker.sign(dataToBeSigned(sealInfo)));
    }

    /** Normalises to DER and verifies, so a key/certificate mix-up fails here rather than at every verifier. */
    static byte[] checkedSignature(byte[] certificate, byte[] signedBytes, byte[] signatureValue, String who) {
        byte[] der = SesVerifier.derSignature(signatureValue);
        boolean valid;
        try {
            valid = der != null && Sm2.verify(SesVerifier.publicKey(certificate), signedBytes, der);
        } catch (IllegalArgumentException e) {
            throw new SealException(SIGNATURE_MISMATCH, 500, who + " certificate unusable: " + e.getMessage(),
                    null, e);
        }
        if (!valid) {
            throw new SealException(SIGNATURE_MISMATCH, 500,
                    who + " signature does not verify with the " + who + " certificate");
        }
        return der;
    }
}
