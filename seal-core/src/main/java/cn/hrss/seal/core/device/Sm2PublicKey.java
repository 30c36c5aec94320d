package cn.hrss.seal.core.device;

import cn.hrss.seal.core.crypto.Sm2;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.math.ec.ECPoint;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An SM2 public key as the 32-byte affine coordinates x and y (the ECCrefPublicKey content without padding).
 * Immutable; the point is validated on construction.
 */
public final class Sm2PublicKey {
    private final byte[] x;
    private final byte[] y;
    private final ECPoint point;

    private Sm2PublicKey(byte[] x, byte[] y) {
        this.x = x;
        this.y = y;
        this.point = Sm2.decodePoint(x, y);
    }

    public static Sm2PublicKey of(byte[] x, byte[] y) {
        return new Sm2PublicKey(Sm2.fixed32(x), Sm2.fixed32(y));
    }

    /** From the uncompressed encoding 04||x||y. */
    public static Sm2PublicKey fromUncompressed(byte[] encoded) {
        if (encoded == null || encoded.length != 65 || encoded[0] != 0x04) {
            throw new IllegalArgumentException("SM2 public key must be 65 bytes 04||x||y");
        }
        return of(Arrays.copyOfRange(encoded, 1, 33), Arrays.copyOfRange(encoded, 33, 65));
    }

    public static Sm2PublicKey fromPoint(ECPoint point) {
        ECPoint p = point.normalize();
        return of(p.getAffineXCoord().getEncoded(), p.getAffineYCoord().getEncoded());
    }

    /** From an X.509 SubjectPublicKeyInfo of an SM2 key. */
    public static Sm2PublicKey fromSubjectPublicKeyInfo(SubjectPublicKeyInfo spki) {
        return fromUncompressed(spki.getPublicKeyData().getOctets());
    }

    public byte[] x() {
        return x.clone();
    }

    public byte[] y() {
        return y.clone();
    }

    public ECPoint point() {
        return point;
    }

    public ECPublicKeyParameters toParameters() {
        return new ECPublicKeyParameters(point, Sm2.DOMAIN);
    }

    /** 04||x||y. */
    public byte[] uncompressed() {
        byte[] out = new byte[65];
        out[0] = 0x04;
        System.arraycopy(x, 0, out, 1, 32);
        System.arraycopy(y, 0, out, 33, 32);
        return out;
    }

    /** DER SubjectPublicKeyInfo (id-ecPublicKey with namedCurve sm2p256v1). */
    public SubjectPublicKeyInfo toSubjectPublicKeyInfo() {
        return Sm2.subjectPublicKeyInfo(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sm2PublicKey other && Arrays.equals(x, other.x) && Arrays.equals(y, other.y);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(x) + Arrays.hashCode(y);
    }

    @Override
    public String toString() {
        return "Sm2PublicKey[" + HexFormat.of().formatHex(uncompressed()) + "]";
    }
}
