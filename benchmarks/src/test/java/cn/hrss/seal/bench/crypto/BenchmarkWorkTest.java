package cn.hrss.seal.bench.crypto;

import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.crypto.Sm3;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Each benchmark does the work it claims to measure: its output is a valid signature or the right digest. */
class BenchmarkWorkTest {

    @Test
    void bouncyCastleBaselineSignsAndVerifies() throws Exception {
        Sm2Benchmark bench = new Sm2Benchmark();
        Sm2Benchmark.BcSm2 bc = new Sm2Benchmark.BcSm2();
        bc.setUp();

        bc.signature = bench.bcSign(bc);

        assertThat(bench.bcVerify(bc)).isTrue();
        bc.message[0] ^= 1;
        assertThat(bench.bcVerify(bc)).isFalse();
    }

    @Test
    void sm2PrimitiveSignsAndVerifies() {
        Sm2Benchmark bench = new Sm2Benchmark();
        Sm2Benchmark.Sm2Primitive sm2 = new Sm2Benchmark.Sm2Primitive();
        sm2.setUp();

        BigInteger[] rs = bench.sm2SignDigest(sm2);

        assertThat(Sm2.verifyDigest(sm2.publicPoint, sm2.e, rs[0], rs[1])).isTrue();
        assertThat(bench.sm2VerifyDigest(sm2)).isTrue();
    }

    @Test
    void softDeviceBenchmarksProduceValidSignatures() throws Exception {
        deviceBenchmarksProduceValidSignatures(BenchDevices.SOFT);
    }

    @Test
    void sdfDeviceBenchmarksProduceValidSignatures() throws Exception {
        String library = System.getenv(BenchDevices.SDF_LIBRARY_ENV);
        assumeTrue(library != null && Files.isRegularFile(Path.of(library)),
                "test SDF library not built in this reactor: " + library);
        deviceBenchmarksProduceValidSignatures(BenchDevices.SDF);
    }

    private static void deviceBenchmarksProduceValidSignatures(String kind) throws Exception {
        DeviceBenchmark bench = new DeviceBenchmark();
        DeviceBenchmark.Device d = new DeviceBenchmark.Device();
        d.device = kind;
        d.setUp();
        try {
            assertThat(Sm2.verify(d.publicKey, d.message, bench.signMessage(d))).isTrue();
            assertThat(Sm2.verifyDigest(d.publicKey, d.e, bench.signDigest(d))).isTrue();
            assertThat(Sm2.verify(d.publicKey, d.message, bench.contentSigner(d))).isTrue();
            assertThat(bench.verifyDigest(d)).isTrue();
        } finally {
            d.tearDown();
        }
        assertThat(d.scratch).doesNotExist();
    }

    @Test
    void sm3BenchmarkHashesItsInput() {
        Sm3Benchmark bench = new Sm3Benchmark();
        bench.bytes = 1024;
        bench.setUp();

        byte[] expected = Sm3.hash(bench.data);

        assertThat(bench.sm3()).isEqualTo(expected);
        assertThat(bench.sm3()).as("digest is reset between operations").isEqualTo(expected);
    }

    @Test
    void everyComparedToNamesABenchmarkThatRuns() {
        List<Class<?>> classes = List.of(Sm2Benchmark.class, DeviceBenchmark.class, Sm3Benchmark.class);
        Set<String> benchmarks = classes.stream()
                .flatMap(c -> Arrays.stream(c.getMethods()).filter(m -> m.isAnnotationPresent(Benchmark.class))
                        .map(m -> c.getSimpleName() + "." + m.getName()))
                .collect(Collectors.toSet());
        List<ComparedTo> comparisons = classes.stream()
                .flatMap(c -> Arrays.stream(c.getMethods()))
                .map(m -> m.getAnnotation(ComparedTo.class))
                .filter(a -> a != null)
                .toList();

        assertThat(comparisons).isNotEmpty()
                .allSatisfy(a -> assertThat(benchmarks).contains(a.value()));
    }

    @Test
    void comparedToIsFoundByBenchmarkNameAlone() {
        assertThat(Measurement.comparedTo(DeviceBenchmark.class.getName(), "signDigest2Threads"))
                .hasValueSatisfying(a -> {
                    assertThat(a.value()).isEqualTo(Sm2Benchmark.BC_SIGN_2_THREADS);
                    assertThat(a.target()).isEqualTo(DeviceBenchmark.SIGN_TARGET);
                });
        assertThat(Measurement.comparedTo(Sm2Benchmark.class.getName(), "bcSign")).isEmpty();
    }
}
