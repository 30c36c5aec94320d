package cn.hrss.seal.application.data;

import cn.hrss.seal.application.sign.SealSigningKey;
import cn.hrss.seal.application.sign.TimeStampSource;
import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.crypto.Sm3;
import cn.hrss.seal.core.device.Sm2PublicKey;
import cn.hrss.seal.core.error.SealException;
import cn.hrss.seal.core.ses.SesSigner;
import cn.hrss.seal.core.ses.SignatureMaker;
import cn.hrss.seal.core.ses.v4.SESeal;
import cn.hrss.seal.core.ses.v4.SesSignature;
import cn.hrss.seal.core.ses.v4.TbsSign;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * Detached data signatures: a GB/T 38540 SES_Signature whose TBS_Sign dataHash is SM3 of the data (or a given SM3
 * digest), signed in three steps (TBS_Sign, the device signs e = SM3(Z || TBS_Sign), assemble) and time-stamped
 * over the signature value when a {@link TimeStampSource} is given. {@link DetachedSignatureVerifier} checks them.
 *
 * <p>One instance per seal key, reused: the seal is parsed, Z is computed and the device key is matched against the
 * signer certificate once, so a signature costs one device signature (plus the time stamp). Thread-safe.
 */
public final class DataSigner {
    /** The device key is not the key of the signer certificate. */
    public static final String KEY_MISMATCH = "SIGN_KEY_CERTIFICATE_MISMATCH";
    /** A given digest is not 32 bytes. */
    public static final String DIGEST_INVALID = "SM3_DIGEST_INVALID";
    /** propertyInfo is limited so that signatures stay small. */
    public static final int MAX_PROPERTY_INFO = 512;

    private final SealSigningKey key;
    private final Optional<TimeStampSource> timeStamps;
    private final Clock clock;
    private final SESeal seal;
    private final byte[] certificate;
    private final SesSigner signer;

    public DataSigner(SealSigningKey key, Optional<TimeStampSource> timeStamps, Clock clock) {
        this.key = Objects.requireNonNull(key, "key");
        this.timeStamps = Objects.requireNonNull(timeStamps, "timeStamps");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.seal = SESeal.getInstance(key.seal());
        try {
            this.certificate = key.signerCertificate().getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Sm2PublicKey deviceKey = key.device().exportSignPublicKey(key.key());
        Sm2PublicKey certified = Sm2PublicKey.fromSubjectPublicKeyInfo(
                key.signerCertificate().getSubjectPublicKeyInfo());
        if (!deviceKey.equals(certified)) {
            throw new SealException(KEY_MISMATCH, 500, "device key " + key.key()
                    + " is not the key of the seal certificate " + key.signerCertificate().getSubject());
        }
        this.signer = SesSigner.of(key.device(), key.key());
    }

    /** Signs SM3(data). */
    public byte[] sign(byte[] data, String propertyInfo) {
        return signDigest(Sm3.hash(data), propertyInfo);
    }

    /** Signs data known by its SM3 digest. */
    public byte[] signDigest(byte[] sm3, String propertyInfo) {
        if (sm3 == null || sm3.length != 32) {
            throw SealException.badRequest(DIGEST_INVALID, "an SM3 digest has 32 bytes");
        }
        if (propertyInfo == null || propertyInfo.length() > MAX_PROPERTY_INFO
                || !propertyInfo.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            // TBS_Sign.propertyInfo is an IA5String
            throw SealException.badRequest("PROPERTY_INFO_INVALID", "propertyInfo is required: at most "
                    + MAX_PROPERTY_INFO + " printable ASCII characters");
        }
        Instant signingTime = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        key.checkUsableAt(signingTime);
        TbsSign toSign = SignatureMaker.toBeSigned(seal, sm3, propertyInfo, signingTime, null);
        byte[] value = signer.sign(SignatureMaker.dataToBeSigned(toSign));
        byte[] timeStamp = timeStamps.map(t -> t.timeStamp(Sm3.hash(value))).orElse(null);
        return new SesSignature(toSign, certificate, Sm2.SM3_WITH_SM2.getAlgorithm(), value, timeStamp).encoded();
    }
}
