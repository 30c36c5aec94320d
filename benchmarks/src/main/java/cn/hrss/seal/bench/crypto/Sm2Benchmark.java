package cn.hrss.seal.bench.crypto;

import cn.hrss.seal.core.crypto.Sm2;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.math.ec.ECPoint;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;

/**
 * SM2 without any device: raw BouncyCastle {@link SM2Signer} (the baseline of every signing figure) and our
 * {@link Sm2} primitive over a precomputed digest e.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class Sm2Benchmark {
    public static final String BC_SIGN = "Sm2Benchmark.bcSign";
    public static final String BC_SIGN_2_THREADS = "Sm2Benchmark.bcSign2Threads";
    public static final String BC_VERIFY = "Sm2Benchmark.bcVerify";

    /** Raw BouncyCastle SM3withSM2, default user ID; signers initialised once per thread and reused. */
    @State(Scope.Thread)
    public static class BcSm2 {
        SM2Signer signer;
        SM2Signer verifier;
        byte[] message;
        byte[] signature;

        @Setup
        public void setUp() throws CryptoException {
            SecureRandom random = new SecureRandom();
            ECKeyPairGenerator generator = new ECKeyPairGenerator();
            generator.init(new ECKeyGenerationParameters(Sm2.DOMAIN, random));
            AsymmetricCipherKeyPair pair = generator.generateKeyPair();
            message = Fixtures.message(random);
            signer = new SM2Signer();
            signer.init(true, new ParametersWithRandom(pair.getPrivate(), random));
            verifier = new SM2Signer();
            verifier.init(false, pair.getPublic());
            signature = sign();
        }

        byte[] sign() throws CryptoException {
            signer.update(message, 0, message.length);
            return signer.generateSignature();
        }

        boolean verify() {
            verifier.update(message, 0, message.length);
            return verifier.verifySignature(signature);
        }
    }

    /** Key material for {@link Sm2#signDigest}: d and (1 + d)^-1 precomputed, as the soft device holds them. */
    @State(Scope.Thread)
    public static class Sm2Primitive {
        BigInteger d;
        BigInteger dPlus1Inv;
        ECPoint publicPoint;
        Sm2.KSource kSource;
        byte[] e;
        BigInteger[] signature;

        @Setup
        public void setUp() {
            SecureRandom random = new SecureRandom();
            d = new BigInteger(1, Fixtures.randomBytes(random, 32)).mod(Sm2.N.subtract(BigInteger.TWO))
                    .add(BigInteger.ONE);
            dPlus1Inv = Sm2.dPlus1Inverse(d);
            publicPoint = Sm2.publicPoint(d);
            kSource = Sm2.KSource.from(random);
            e = Fixtures.randomBytes(random, 32);
            signature = sign();
        }

        BigInteger[] sign() {
            return Sm2.signDigest(d, dPlus1Inv, e, kSource);
        }

        boolean verify() {
            return Sm2.verifyDigest(publicPoint, e, signature[0], signature[1]);
        }
    }

    /** Baseline: SM3(Z || M) and the signature, all inside BouncyCastle. */
    @Benchmark
    public byte[] bcSign(BcSm2 bc) throws CryptoException {
        return bc.sign();
    }

    @Benchmark
    @Threads(2)
    public byte[] bcSign2Threads(BcSm2 bc) throws CryptoException {
        return bc.sign();
    }

    @Benchmark
    public boolean bcVerify(BcSm2 bc) {
        return bc.verify();
    }

    @Benchmark
    @ComparedTo(BC_SIGN)
    public BigInteger[] sm2SignDigest(Sm2Primitive sm2) {
        return sm2.sign();
    }

    @Benchmark
    @ComparedTo(BC_VERIFY)
    public boolean sm2VerifyDigest(Sm2Primitive sm2) {
        return sm2.verify();
    }
}
