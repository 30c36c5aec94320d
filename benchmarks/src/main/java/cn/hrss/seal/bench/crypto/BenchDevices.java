package cn.hrss.seal.bench.crypto;

import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.device.sdf.SdfCipherDevice;
import cn.hrss.seal.core.device.sdf.SdfDeviceProperties;
import cn.hrss.seal.core.device.soft.SoftCipherDevice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Opens the cipher device a benchmark runs against, with throw-away keys. The device kind is the {@code device}
 * parameter of {@link DeviceBenchmark}:
 * <ul>
 *   <li>{@code soft}: {@link SoftCipherDevice} with its key file in a scratch directory;</li>
 *   <li>{@code sdf}: {@link SdfCipherDevice} over the test GM/T 0018 library that seal-core builds, named by the
 *       environment variable {@value #SDF_LIBRARY_ENV}; the library keeps its keys in the file named by
 *       {@code SDF_TEST_KEYSTORE}. {@code scripts/bench-crypto.sh} sets both.</li>
 * </ul>
 */
final class BenchDevices {
    static final String SOFT = "soft";
    static final String SDF = "sdf";
    static final String SDF_LIBRARY_ENV = "SEAL_BENCH_SDF_LIBRARY";

    private BenchDevices() {
    }

    static CipherDevice open(String kind, Path scratch, SecureRandom random) {
        return switch (kind) {
            case SOFT -> soft(scratch, random);
            case SDF -> sdf(random);
            default -> throw new IllegalArgumentException("unknown device kind: " + kind);
        };
    }

    private static CipherDevice soft(Path scratch, SecureRandom random) {
        byte[] masterKey = Fixtures.randomBytes(random, 16);
        char[] password = HexFormat.of().formatHex(Fixtures.randomBytes(random, 16)).toCharArray();
        return new SoftCipherDevice(scratch.resolve("keys.sealed"), masterKey, password, random);
    }

    private static CipherDevice sdf(SecureRandom random) {
        String library = System.getenv(SDF_LIBRARY_ENV);
        if (library == null || library.isBlank()) {
            throw new IllegalStateException("set " + SDF_LIBRARY_ENV + " to the SDF library (scripts/bench-crypto.sh"
                    + " uses seal-core/target/native/libsdftest.so)");
        }
        String password = HexFormat.of().formatHex(Fixtures.randomBytes(random, 16));
        return SdfCipherDevice.open(new SdfDeviceProperties(library, Map.of(),
                new SdfDeviceProperties.IndexRange(1, 4000), password,
                SdfDeviceProperties.VendorFunctions.TEST_LIBRARY, null));
    }

    static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
