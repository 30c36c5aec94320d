package cn.hrss.seal.core.crypto;

import cn.hrss.seal.core.device.Sm2PublicKey;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM2Engine;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.math.ec.ECPoint;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * SM2 public-key encryption (GB/T 32918.4) with the GM/T 0009 / GB/T 35276 ciphertext encoding
 * {@code SM2Cipher ::= SEQUENCE { XCoordinate INTEGER, YCoordinate INTEGER, HASH OCTET STRING, CipherText OCTET STRING }}.
 */
public final class Sm2Cipher {
    private Sm2Cipher() {
    }

    public static byte[] encrypt(Sm2PublicKey key, byte[] plaintext, SecureRandom random) {
        if (plaintext.length == 0) {
            throw new IllegalArgumentException("SM2 cannot encrypt empty data");
        }
        SM2Engine engine = new SM2Engine(SM2Engine.Mode.C1C3C2);
        engine.init(true, new ParametersWithRandom(key.toParameters(), random));
        try {
            byte[] c1c3c2 = engine.processBlock(plaintext, 0, plaintext.length);
            return toDer(c1c3c2);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] decrypt(BigInteger privateKey, byte[] sm2CipherDer) throws InvalidCipherTextException {
        byte[] c1c3c2 = fromDer(sm2CipherDer);
        SM2Engine engine = new SM2Engine(SM2Engine.Mode.C1C3C2);
        engine.init(false, new ECPrivateKeyParameters(privateKey, Sm2.DOMAIN));
        return engine.processBlock(c1c3c2, 0, c1c3c2.length);
    }

    /** Parts of a parsed SM2Cipher. */
    public record Parts(byte[] x, byte[] y, byte[] hash, byte[] cipherText) {
    }

    /** Strictly parses SM2Cipher DER. */
    public static Parts parse(byte[] der) throws InvalidCipherTextException {
        try {
            ASN1Primitive p = ASN1Primitive.fromByteArray(der);
            if (!Arrays.equals(p.getEncoded("DER"), der)) {
                throw new InvalidCipherTextException("SM2Cipher is not DER");
            }
            ASN1Sequence seq = ASN1Sequence.getInstance(p);
            if (seq.size() != 4) {
                throw new InvalidCipherTextException("SM2Cipher must have 4 fields");
            }
            BigInteger x = ASN1Integer.getInstance(seq.getObjectAt(0)).getPositiveValue();
            BigInteger y = ASN1Integer.getInstance(seq.getObjectAt(1)).getPositiveValue();
            byte[] hash = ASN1OctetString.getInstance(seq.getObjectAt(2)).getOctets();
            byte[] c = ASN1OctetString.getInstance(seq.getObjectAt(3)).getOctets();
            if (hash.length != 32 || c.length == 0) {
                throw new InvalidCipherTextException("SM2Cipher hash must be 32 bytes and ciphertext non-empty");
            }
            return new Parts(Sm2.fixed32(x), Sm2.fixed32(y), hash, c);
        } catch (IOException | RuntimeException e) {
            throw new InvalidCipherTextException("malformed SM2Cipher: " + e.getMessage());
        }
    }

    public static byte[] encode(Parts parts) {
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(new ASN1Integer(new BigInteger(1, parts.x())));
        v.add(new ASN1Integer(new BigInteger(1, parts.y())));
        v.add(new DEROctetString(parts.hash()));
        v.add(new DEROctetString(parts.cipherText()));
        try {
            return new DERSequence(v).getEncoded("DER");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] toDer(byte[] c1c3c2) {
        ECPoint c1 = Sm2.CURVE.getCurve().decodePoint(Arrays.copyOfRange(c1c3c2, 0, 65)).normalize();
        byte[] c3 = Arrays.copyOfRange(c1c3c2, 65, 97);
        byte[] c2 = Arrays.copyOfRange(c1c3c2, 97, c1c3c2.length);
        return encode(new Parts(c1.getAffineXCoord().getEncoded(), c1.getAffineYCoord().getEncoded(), c3, c2));
    }

    static byte[] fromDer(byte[] der) throws InvalidCipherTextException {
        Parts p = parse(der);
        byte[] out = new byte[65 + 32 + p.cipherText().length];
        out[0] = 0x04;
        System.arraycopy(p.x(), 0, out, 1, 32);
        System.arraycopy(p.y(), 0, out, 33, 32);
        System.arraycopy(p.hash(), 0, out, 65, 32);
        System.arraycopy(p.cipherText(), 0, out, 97, p.cipherText().length);
        return out;
    }
}
