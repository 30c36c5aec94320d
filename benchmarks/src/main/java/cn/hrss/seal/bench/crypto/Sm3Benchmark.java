package cn.hrss.seal.bench.crypto;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;

/**
 * SM3 throughput of BouncyCastle's {@link SM3Digest}, the digest behind every document hash. The score is hashes
 * per second; the report turns it into MB/s with the {@code bytes} parameter.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@State(Scope.Thread)
public class Sm3Benchmark {
    /** Name of the parameter holding the input size, read by the report. */
    static final String BYTES_PARAM = "bytes";

    @Param({"1024", "1048576"})
    public int bytes;

    private final SM3Digest digest = new SM3Digest();
    private final byte[] out = new byte[32];
    byte[] data;

    @Setup
    public void setUp() {
        data = Fixtures.randomBytes(new SecureRandom(), bytes);
    }

    @Benchmark
    public byte[] sm3() {
        digest.update(data, 0, data.length);
        digest.doFinal(out, 0);
        return out;
    }
}
