package cn.hrss.seal.core.device.soft;

import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.device.Sm2PublicKey;
import org.bouncycastle.util.BigIntegers;

import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * One key of the soft device. SM2 keys hold a signing and an encryption key pair (as an SDF key index does),
 * with (1 + d)^-1 precomputed for signing; KEKs hold a 16-byte SM4 key.
 */
record SoftKey(Type type, int index, String label, byte[] material, BigInteger signD, BigInteger signDPlus1Inv,
               Sm2PublicKey signPublic, BigInteger encD, Sm2PublicKey encPublic) {

    enum Type { SM2, KEK }

    static SoftKey create(Type type, int index, String label, byte[] material) {
        if (type == Type.KEK) {
            if (material.length != 16) {
                throw new IllegalArgumentException("KEK must be 16 bytes");
            }
            return new SoftKey(type, index, label, material.clone(), null, null, null, null, null);
        }
        if (material.length != 64) {
            throw new IllegalArgumentException("SM2 key material must be 64 bytes");
        }
        BigInteger d = SoftKeyStore.scalar(material, 0);
        BigInteger e = SoftKeyStore.scalar(material, 32);
        return new SoftKey(type, index, label, material.clone(), d, Sm2.dPlus1Inverse(d),
                Sm2PublicKey.fromPoint(Sm2.publicPoint(d)), e, Sm2PublicKey.fromPoint(Sm2.publicPoint(e)));
    }

    static byte[] randomScalar(SecureRandom random) {
        BigInteger d = BigIntegers.createRandomInRange(BigInteger.ONE, Sm2.N.subtract(BigInteger.TWO), random);
        return Sm2.fixed32(d);
    }

    byte[] kek() {
        return material.clone();
    }

    @Override
    public String toString() {
        return "SoftKey[" + type + " " + label + "#" + index + "]";
    }
}
