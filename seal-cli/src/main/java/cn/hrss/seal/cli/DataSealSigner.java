package cn.hrss.seal.cli;

import cn.hrss.seal.application.sign.SealSigningKey;
import cn.hrss.seal.application.sign.TimeStampSource;
import cn.hrss.seal.core.crypto.Sm3;
import cn.hrss.seal.core.ses.SesSigner;
import cn.hrss.seal.core.ses.SignatureMaker;
import cn.hrss.seal.core.ses.TimeStampHook;
import cn.hrss.seal.core.ses.v4.SESeal;
import cn.hrss.seal.core.ses.v4.TbsSign;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * Detached data signature: a GB/T 38540 SES_Signature whose dataHash is SM3 of the data, in the three steps
 * (to-be-signed, device signs, assemble). Stands in for seal-application's data signer until that lands; the
 * output is the same structure.
 */
final class DataSealSigner {
    private DataSealSigner() {
    }

    static byte[] sign(byte[] data, SealSigningKey key, String propertyInfo, Instant signingTime,
                       TimeStampSource timeStamps) {
        key.checkUsableAt(signingTime);
        TbsSign toSign = SignatureMaker.toBeSigned(SESeal.getInstance(key.seal()), SignatureMaker.dataHash(data),
                propertyInfo, signingTime, null);
        byte[] value = SesSigner.of(key.device(), key.key()).sign(SignatureMaker.dataToBeSigned(toSign));
        TimeStampHook hook = timeStamps == null ? null : v -> timeStamps.timeStamp(Sm3.hash(v));
        byte[] certificate;
        try {
            certificate = key.signerCertificate().getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return SignatureMaker.assemble(toSign, certificate, value, hook).encoded();
    }
}
