package cn.hrss.seal.bench.application;

import cn.hrss.seal.application.data.DataSigner;
import cn.hrss.seal.application.sign.SealSigningKey;
import cn.hrss.seal.bench.crypto.ComparedTo;
import cn.hrss.seal.bench.crypto.Sm2Benchmark;
import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.ses.SesSigner;
import cn.hrss.seal.core.ses.SignatureMaker;
import cn.hrss.seal.core.ses.v4.SESeal;
import cn.hrss.seal.core.ses.v4.TbsSign;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;

/**
 * What {@code POST /api/v1/sign/data} does besides HTTP, database and audit: a detached GB/T 38540 SES_Signature
 * over data given as its SM3 digest ({@link SignatureMaker}: TBS_Sign with the whole SES_Seal in it, the device
 * signature, the check of that signature against the certificate). Two baselines: raw BouncyCastle SM2 over the
 * same TBS_Sign bytes ({@link #bcSignTbs}: what the format costs, mostly SM3 over the seal picture), itself compared
 * with raw SM2 over 512 bytes ({@link Sm2Benchmark#BC_SIGN}, the baseline of section 1 and of the API target).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class DataSigningBenchmark {
    static final String BC_SIGN_TBS = "DataSigningBenchmark.bcSignTbs";

    @State(Scope.Benchmark)
    public static class Data {
        BenchPki pki;
        byte[] dataSm3;
        DataSigner nodeSigner;

        @Setup
        public void setUp() {
            pki = new BenchPki();
            dataSm3 = new byte[32];
            new SecureRandom().nextBytes(dataSm3);
            // the node's signer, as SigningKeys makes it, without a time-stamp source
            nodeSigner = new DataSigner(pki.sealKey(), Optional.empty(), Clock.systemUTC());
        }

        @TearDown
        public void tearDown() {
            pki.close();
        }
    }

    /** Raw SM3withSM2 over the DER of a TBS_Sign as {@link #signData} builds it; signer reused per thread. */
    @State(Scope.Thread)
    public static class RawTbs {
        SM2Signer signer;
        byte[] tbs;

        @Setup
        public void setUp(Data data) {
            SecureRandom random = new SecureRandom();
            ECKeyPairGenerator generator = new ECKeyPairGenerator();
            generator.init(new ECKeyGenerationParameters(Sm2.DOMAIN, random));
            signer = new SM2Signer();
            signer.init(true, new ParametersWithRandom(generator.generateKeyPair().getPrivate(), random));
            tbs = SignatureMaker.dataToBeSigned(toBeSigned(data.pki.sealKey(), data.dataSm3));
        }
    }

    static TbsSign toBeSigned(SealSigningKey key, byte[] dataSm3) {
        return SignatureMaker.toBeSigned(SESeal.getInstance(key.seal()), dataSm3, "data",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), null);
    }

    /** A detached SES_Signature over data given as its SM3 digest, signed now, without a time stamp. */
    static byte[] signData(SealSigningKey key, byte[] dataSm3) {
        try {
            return SignatureMaker.sign(toBeSigned(key, dataSm3), key.signerCertificate().getEncoded(),
                    SesSigner.of(key.device(), key.key()), null).encoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Benchmark
    @ComparedTo(BC_SIGN_TBS)
    public byte[] signData(Data data) {
        return signData(data.pki.sealKey(), data.dataSm3);
    }

    /**
     * The node's {@link DataSigner} (what the API's batch call does per digest without a time stamp): the SES_Seal
     * is hashed once per seal, not per signature, so this is compared with raw SM2 over 512 bytes directly.
     */
    @Benchmark
    @ComparedTo(Sm2Benchmark.BC_SIGN)
    public DataSigner.DataSignature signDataNode(Data data) {
        return data.nodeSigner.signDigest(data.dataSm3, "signId=bench;item=0", false);
    }

    @Benchmark
    @ComparedTo(Sm2Benchmark.BC_SIGN)
    public byte[] bcSignTbs(RawTbs raw) throws CryptoException {
        raw.signer.update(raw.tbs, 0, raw.tbs.length);
        return raw.signer.generateSignature();
    }
}
