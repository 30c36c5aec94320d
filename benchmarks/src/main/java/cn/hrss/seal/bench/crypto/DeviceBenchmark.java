package cn.hrss.seal.bench.crypto;

import cn.hrss.seal.core.crypto.DeviceContentSigner;
import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.device.KeyRef;
import cn.hrss.seal.core.device.Sm2PublicKey;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;

/**
 * The signing path as the system uses it: through a {@link CipherDevice} (pooled sessions, access rights, DER
 * encoding) and through {@link DeviceContentSigner}. One device is shared by all benchmark threads, as in a node.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class DeviceBenchmark {
    /** The soft device must sign at no less than this share of raw BouncyCastle's rate. */
    static final double SIGN_TARGET = 0.90;

    @State(Scope.Benchmark)
    public static class Device {
        /** The script adds {@code sdf} ({@code -p device=soft,sdf}) when the test SDF library is built. */
        @Param({BenchDevices.SOFT})
        public String device;

        CipherDevice cipherDevice;
        KeyRef key;
        Sm2PublicKey publicKey;
        byte[] z;
        byte[] message;
        byte[] e;
        byte[] signature;
        Path scratch;

        @Setup
        public void setUp() throws IOException {
            SecureRandom random = new SecureRandom();
            scratch = Files.createTempDirectory("seal-bench-");
            cipherDevice = BenchDevices.open(device, scratch, random);
            key = cipherDevice.generateKeyPair("bench-sign");
            publicKey = cipherDevice.exportSignPublicKey(key);
            z = Sm2.z(publicKey);
            message = Fixtures.message(random);
            e = Sm2.digest(publicKey, message);
            signature = cipherDevice.sign(key, e);
        }

        @TearDown
        public void tearDown() {
            cipherDevice.close();
            BenchDevices.deleteRecursively(scratch);
        }

        byte[] signMessage() {
            return cipherDevice.sign(key, Sm2.digest(publicKey, message));
        }

        byte[] signDigest() {
            return cipherDevice.sign(key, e);
        }
    }

    /** Same work as the baseline: e = SM3(Z || M) via {@link Sm2#digest}, then the device signs e. */
    @Benchmark
    @ComparedTo(value = Sm2Benchmark.BC_SIGN, target = SIGN_TARGET)
    public byte[] signMessage(Device d) {
        return d.signMessage();
    }

    /** The device alone, over a precomputed e. */
    @Benchmark
    @ComparedTo(value = Sm2Benchmark.BC_SIGN, target = SIGN_TARGET)
    public byte[] signDigest(Device d) {
        return d.signDigest();
    }

    @Benchmark
    @Threads(2)
    @ComparedTo(value = Sm2Benchmark.BC_SIGN_2_THREADS, target = SIGN_TARGET)
    public byte[] signMessage2Threads(Device d) {
        return d.signMessage();
    }

    @Benchmark
    @Threads(2)
    @ComparedTo(value = Sm2Benchmark.BC_SIGN_2_THREADS, target = SIGN_TARGET)
    public byte[] signDigest2Threads(Device d) {
        return d.signDigest();
    }

    @Benchmark
    @ComparedTo(Sm2Benchmark.BC_VERIFY)
    public boolean verifyDigest(Device d) {
        return d.cipherDevice.verify(d.key, d.e, d.signature);
    }

    /** What BouncyCastle's certificate, CRL, OCSP and CMS builders do per signature, with Z cached by the caller. */
    @Benchmark
    @ComparedTo(Sm2Benchmark.BC_SIGN)
    public byte[] contentSigner(Device d) throws IOException {
        DeviceContentSigner signer = new DeviceContentSigner(d.cipherDevice, d.key, d.z);
        signer.getOutputStream().write(d.message);
        return signer.getSignature();
    }
}
