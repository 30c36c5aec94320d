package cn.hrss.seal.core.crypto;

import cn.hrss.seal.core.device.Sm2PublicKey;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * SM2 (GB/T 32918) on the recommended curve: Z value, digest e, the signature primitive over e, and the
 * encodings the system uses. The curve comes from BouncyCastle's {@code CustomNamedCurves}, whose field
 * arithmetic is several times faster than the generic one.
 */
public final class Sm2 {
    /** Default SM2 user ID (GM/T 0009 / GB/T 35276). */
    public static final byte[] DEFAULT_USER_ID = "1234567812345678".getBytes(StandardCharsets.US_ASCII);

    public static final X9ECParameters CURVE = CustomNamedCurves.getByName("sm2p256v1");
    public static final ECDomainParameters DOMAIN =
            new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH());
    public static final BigInteger N = CURVE.getN();

    /** SM3withSM2, parameters absent (GB/T 35276). */
    public static final AlgorithmIdentifier SM3_WITH_SM2 = new AlgorithmIdentifier(GMObjectIdentifiers.sm2sign_with_sm3);
    public static final ASN1ObjectIdentifier SM2_CURVE_OID = GMObjectIdentifiers.sm2p256v1;

    private static final FixedPointCombMultiplier BASE_MULTIPLIER = new FixedPointCombMultiplier();
    private static final byte[] CURVE_PARAMS_FOR_Z = concat(
            fixed32(CURVE.getCurve().getA().toBigInteger()),
            fixed32(CURVE.getCurve().getB().toBigInteger()),
            fixed32(CURVE.getG().getAffineXCoord().toBigInteger()),
            fixed32(CURVE.getG().getAffineYCoord().toBigInteger()));

    private Sm2() {
    }

    /** Z_A = SM3(ENTL || ID || a || b || xG || yG || xA || yA). */
    public static byte[] z(Sm2PublicKey publicKey, byte[] userId) {
        if (userId.length > 8191) {
            throw new IllegalArgumentException("SM2 user ID too long");
        }
        SM3Digest d = new SM3Digest();
        int entl = userId.length * 8;
        d.update((byte) (entl >>> 8));
        d.update((byte) entl);
        d.update(userId, 0, userId.length);
        d.update(CURVE_PARAMS_FOR_Z, 0, CURVE_PARAMS_FOR_Z.length);
        byte[] x = publicKey.x();
        byte[] y = publicKey.y();
        d.update(x, 0, 32);
        d.update(y, 0, 32);
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }

    /** Z_A with the default user ID. */
    public static byte[] z(Sm2PublicKey publicKey) {
        return z(publicKey, DEFAULT_USER_ID);
    }

    /** e = SM3(Z_A || M) with the default user ID: what the device signs. */
    public static byte[] digest(Sm2PublicKey publicKey, byte[] message) {
        SM3Digest d = new SM3Digest();
        byte[] z = z(publicKey);
        d.update(z, 0, z.length);
        d.update(message, 0, message.length);
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }

    /** A fresh SM3 digest already fed with Z_A, for streaming e = SM3(Z_A || M). */
    public static SM3Digest digestWithZ(byte[] z) {
        SM3Digest d = new SM3Digest();
        d.update(z, 0, z.length);
        return d;
    }

    /**
     * The SM2 signature primitive over a 32-byte digest e (GB/T 32918.2 section 6.1, steps A3-A7).
     *
     * @param d        private key
     * @param dPlus1Inv (1 + d)^-1 mod n, precomputed per key
     * @param kSource   source of the per-signature random k; tests pass a fixed one for known answers
     * @return {r, s}
     */
    public static BigInteger[] signDigest(BigInteger d, BigInteger dPlus1Inv, byte[] e, KSource kSource) {
        checkDigest(e);
        BigInteger eInt = new BigInteger(1, e);
        while (true) {
            BigInteger k = kSource.nextK();
            ECPoint kg = BASE_MULTIPLIER.multiply(DOMAIN.getG(), k).normalize();
            BigInteger r = eInt.add(kg.getAffineXCoord().toBigInteger()).mod(N);
            if (r.signum() == 0 || r.add(k).equals(N)) {
                continue;
            }
            BigInteger s = dPlus1Inv.multiply(k.subtract(r.multiply(d))).mod(N);
            if (s.signum() != 0) {
                return new BigInteger[] {r, s};
            }
        }
    }

    /** (1 + d)^-1 mod n. */
    public static BigInteger dPlus1Inverse(BigInteger d) {
        return BigIntegers.modOddInverse(N, d.add(BigInteger.ONE));
    }

    /** Public point d*G. */
    public static ECPoint publicPoint(BigInteger d) {
        return BASE_MULTIPLIER.multiply(DOMAIN.getG(), d).normalize();
    }

    /** Verifies {r, s} over digest e (GB/T 32918.2 section 7.1). */
    public static boolean verifyDigest(ECPoint publicPoint, byte[] e, BigInteger r, BigInteger s) {
        checkDigest(e);
        if (r.signum() <= 0 || r.compareTo(N) >= 0 || s.signum() <= 0 || s.compareTo(N) >= 0) {
            return false;
        }
        BigInteger t = r.add(s).mod(N);
        if (t.signum() == 0) {
            return false;
        }
        ECPoint p = ECAlgorithms.sumOfTwoMultiplies(DOMAIN.getG(), s, publicPoint, t).normalize();
        if (p.isInfinity()) {
            return false;
        }
        BigInteger rr = new BigInteger(1, e).add(p.getAffineXCoord().toBigInteger()).mod(N);
        return rr.equals(r);
    }

    /** Verifies a DER SM2Signature over digest e; malformed signatures are simply invalid. */
    public static boolean verifyDigest(Sm2PublicKey publicKey, byte[] e, byte[] derSignature) {
        BigInteger[] rs;
        try {
            rs = decodeSignature(derSignature);
        } catch (IllegalArgumentException ex) {
            return false;
        }
        return verifyDigest(publicKey.point(), e, rs[0], rs[1]);
    }

    /** Verifies SM3withSM2 (default user ID) over a message. */
    public static boolean verify(Sm2PublicKey publicKey, byte[] message, byte[] derSignature) {
        return verifyDigest(publicKey, digest(publicKey, message), derSignature);
    }

    /** DER SEQUENCE { r INTEGER, s INTEGER }. */
    public static byte[] encodeSignature(BigInteger r, BigInteger s) {
        try {
            return new DERSequence(new ASN1Encodable[] {new ASN1Integer(r), new ASN1Integer(s)}).getEncoded("DER");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Strictly parses a DER SM2Signature. */
    public static BigInteger[] decodeSignature(byte[] der) {
        try {
            ASN1Primitive p = ASN1Primitive.fromByteArray(der);
            if (!Arrays.equals(p.getEncoded("DER"), der)) {
                throw new IllegalArgumentException("SM2 signature is not DER");
            }
            ASN1Sequence seq = ASN1Sequence.getInstance(p);
            if (seq.size() != 2) {
                throw new IllegalArgumentException("SM2 signature must have two integers");
            }
            BigInteger r = ASN1Integer.getInstance(seq.getObjectAt(0)).getPositiveValue();
            BigInteger s = ASN1Integer.getInstance(seq.getObjectAt(1)).getPositiveValue();
            return new BigInteger[] {r, s};
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("malformed SM2 signature", e);
        }
    }

    /** Raw r||s (64 bytes) to DER. */
    public static byte[] rawToDer(byte[] raw) {
        if (raw.length != 64) {
            throw new IllegalArgumentException("raw SM2 signature must be 64 bytes");
        }
        return encodeSignature(new BigInteger(1, Arrays.copyOfRange(raw, 0, 32)),
                new BigInteger(1, Arrays.copyOfRange(raw, 32, 64)));
    }

    /** DER to raw r||s, each left-padded to 32 bytes. */
    public static byte[] derToRaw(byte[] der) {
        BigInteger[] rs = decodeSignature(der);
        return concat(fixed32(rs[0]), fixed32(rs[1]));
    }

    public static ECPoint decodePoint(byte[] x, byte[] y) {
        try {
            ECPoint p = CURVE.getCurve().createPoint(new BigInteger(1, x), new BigInteger(1, y));
            if (!p.isValid()) {
                throw new IllegalArgumentException("point is not on the SM2 curve");
            }
            return p;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid SM2 public key: " + e.getMessage(), e);
        }
    }

    public static SubjectPublicKeyInfo subjectPublicKeyInfo(Sm2PublicKey key) {
        return new SubjectPublicKeyInfo(
                new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, SM2_CURVE_OID), key.uncompressed());
    }

    /** Left-pads (or strips a sign byte) to exactly 32 bytes. */
    public static byte[] fixed32(byte[] v) {
        if (v.length == 32) {
            return v.clone();
        }
        return fixed32(new BigInteger(1, v));
    }

    public static byte[] fixed32(BigInteger v) {
        return BigIntegers.asUnsignedByteArray(32, v);
    }

    static byte[] concat(byte[]... parts) {
        int len = 0;
        for (byte[] p : parts) {
            len += p.length;
        }
        byte[] out = new byte[len];
        int off = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, off, p.length);
            off += p.length;
        }
        return out;
    }

    private static void checkDigest(byte[] e) {
        if (e == null || e.length != 32) {
            throw new IllegalArgumentException("SM2 signs a 32-byte digest e = SM3(Z || M)");
        }
    }

    /** Source of the per-signature random k in [1, n-1]. */
    @FunctionalInterface
    public interface KSource {
        BigInteger nextK();

        static KSource from(SecureRandom random) {
            return () -> BigIntegers.createRandomInRange(BigInteger.ONE, N.subtract(BigInteger.ONE), random);
        }
    }
}
