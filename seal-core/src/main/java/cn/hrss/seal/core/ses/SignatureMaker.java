package cn.hrss.seal.core.ses;

import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.crypto.Sm3;
import cn.hrss.seal.core.error.SealException;
import cn.hrss.seal.core.ses.v4.ExtensionDatas;
import cn.hrss.seal.core.ses.v4.SESeal;
import cn.hrss.seal.core.ses.v4.SesSignature;
import cn.hrss.seal.core.ses.v4.TbsSign;

import java.time.Instant;

/**
 * Makes a GB/T 38540 seal signature in three steps: {@link #toBeSigned} builds TBS_Sign and
 * {@link #dataToBeSigned} gives its DER, the signer signs it with a {@link SesSigner}, {@link #assemble} checks the
 * signature and adds the optional time stamp over the signature value.
 */
public final class SignatureMaker {
    /** The signer certificate is not listed in the seal. */
    public static final String SIGNER_NOT_IN_SEAL = "SES_SIGNER_NOT_IN_SEAL";
    /** The seal is not valid at the signing time. */
    public static final String SEAL_NOT_VALID = "SES_SEAL_NOT_VALID";

    private SignatureMaker() {
    }

    /** dataHash of an original: plain SM3 (no Z). */
    public static byte[] dataHash(byte[] original) {
        return Sm3.hash(original);
    }

    /**
     * @param dataHash     SM3 of the original (32 bytes), see {@link #dataHash}
     * @param propertyInfo attributes of the original, at least the protected range (e.g. the Signature.xml path)
     * @param signingTime  TBS_Sign.timeInfo, truncated to whole seconds
     * @param extDatas     extensions, or null
     */
    public static TbsSign toBeSigned(SESeal seal, byte[] dataHash, String propertyInfo, Instant signingTime,
                                     ExtensionDatas extDatas) {
        if (dataHash.length != 32) {
            throw new IllegalArgumentException("dataHash must be a 32-byte SM3 digest");
        }
        SesCheck validity = SesVerifier.sealValidAt(SesParser.view(seal), signingTime);
        if (!validity.passed()) {
            throw new SealException(SEAL_NOT_VALID, 409, validity.reason());
        }
        return new TbsSign(seal, signingTime, dataHash, propertyInfo, extDatas);
    }

    public static byte[] dataToBeSigned(TbsSign toSign) {
        return toSign.encoded();
    }

    /**
     * @param signerCertificate DER certificate of the signer; must be listed in the seal
     * @param signatureValue    DER SM2Signature over {@link #dataToBeSigned} (raw r||s is converted)
     * @param timeStamps        obtains a time-stamp token over the signature value, or null for none
     */
    public static SesSignature assemble(TbsSign toSign, byte[] signerCertificate, byte[] signatureValue,
                                        TimeStampHook timeStamps) {
        SesCheck listed = SesVerifier.certificateListed(SesParser.view(toSign.eseal()), signerCertificate);
        if (!listed.passed()) {
            throw new SealException(SIGNER_NOT_IN_SEAL, 403, listed.reason());
        }
        byte[] der = SealMaker.checkedSignature(signerCertificate, toSign.encoded(), signatureValue, "signer");
        byte[] timeStamp = timeStamps == null ? null : timeStamps.timeStamp(der.clone());
        return new SesSignature(toSign, signerCertificate, Sm2.SM3_WITH_SM2.getAlgorithm(), der, timeStamp);
    }

    public static SesSignature sign(TbsSign toSign, byte[] signerCertificate, SesSigner signer,
                                    TimeStampHook timeStamps) {
        return assemble(toSign, signerCertificate, signer.sign(dataToBeSigned(toSign)), timeStamps);
    }
}
