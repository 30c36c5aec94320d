package cn.hrss.seal.application.data;

import cn.hrss.seal.application.sign.SealSigningKey;
import cn.hrss.seal.application.sign.TimeStampSource;
import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.crypto.Sm3;
import cn.hrss.seal.core.crypto.Sm3SharedPart;
import cn.hrss.seal.core.device.Sm2PublicKey;
import cn.hrss.seal.core.error.SealException;
import cn.hrss.seal.core.ses.asn1.SplicedEncoding;
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
 * signer certificate once, so a signature costs one device signature (plus the time stamp). The SES_Seal, which
 * GB/T 38540 repeats in every TBS_Sign, is hashed once per seal ({@link Sm3SharedPart}), not per signature: for
 * e = SM3(Z || TBS_Sign) and for the SM3 of the finished SES_Signature. Thread-safe.
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
    private final Sm3SharedPart toBeSignedDigest;
    private final Sm3SharedPart signatureDigest;

    /**
     * One detached signature.
     *
     * @param encoded        the DER SES_Signature, kept around the seal (written out without copying it again)
     * @param sm3            SM3 of {@code encoded}
     * @param timeStampToken the RFC 3161 token over the signature value it carries, or null
     */
    public record DataSignature(SplicedEncoding encoded, byte[] sm3, byte[] timeStampToken) {
    }

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
        byte[] sealDer = seal.encoded();
        this.toBeSignedDigest = new Sm3SharedPart(Sm2.z(deviceKey), sealDer);
        this.signatureDigest = new Sm3SharedPart(new byte[0], sealDer);
    }

    /** Signs SM3(data). */
    public byte[] sign(byte[] data, String propertyInfo) {
        return signDigest(Sm3.hash(data), propertyInfo);
    }

    /** Signs data known by its SM3 digest, time-stamped when this signer has a time-stamp source. */
    public byte[] signDigest(byte[] sm3, String propertyInfo) {
        return signDigest(sm3, propertyInfo, true).encoded().toByteArray();
    }

    /**
     * Signs data known by its SM3 digest.
     *
     * @param timeStamped ask this signer's time-stamp source (if it has one) for a token over the signature value
     */
    public DataSignature signDigest(byte[] sm3, String propertyInfo, boolean timeStamped) {
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
        // the seal's and the certificate's validity at the signing time (what SignatureMaker.toBeSigned checks,
        // from values the key read once)
        key.checkUsableAt(signingTime);
        // the TBS_Sign and the SES_Signature are kept around the seal: hashed from the seal's kept SM3 state and
        // written out from their parts, never copied whole
        SplicedEncoding toSign = TbsSign.encodeAroundSeal(seal, signingTime, sm3, propertyInfo, null);
        byte[] value = key.device().sign(key.key(), toBeSignedDigest.digestAround(toSign.head(), toSign.tail()));
        byte[] timeStamp = timeStamped ? timeStamps.map(t -> t.timeStamp(Sm3.hash(value))).orElse(null) : null;
        SplicedEncoding encoded = SesSignature.encodeAroundSeal(toSign, certificate,
                Sm2.SM3_WITH_SM2.getAlgorithm(), value, timeStamp);
        return new DataSignature(encoded, signatureDigest.digestAround(encoded.head(), encoded.tail()), timeStamp);
    }
}
