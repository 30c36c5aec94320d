package cn.hrss.seal.bench.crypto;

import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.device.soft.SoftCipherDevice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * Opens the cipher device a benchmark runs against, with throw-away keys in a scratch directory of its own.
 * The device kind is the {@code device} parameter of {@link DeviceBenchmark}.
 */
final class BenchDevices {
    static final String SOFT = "soft";

    private BenchDevices() {
    }

    static CipherDevice open(String kind, Path scratch, SecureRandom random) {
        return switch (kind) {
            case SOFT -> soft(scratch, random);
            // TODO(lead) SDF device: case "sdf" -> an SdfCipherDevice over the test SDF library (library path and key
            // index from system properties), then add "sdf" to DeviceBenchmark.Device's @Param. Every device
            // benchmark and its ratio to raw BouncyCastle then runs for both devices.
            default -> throw new IllegalArgumentException("unknown device kind: " + kind);
        };
    }

    private static CipherDevice soft(Path scratch, SecureRandom random) {
        byte[] masterKey = Fixtures.randomBytes(random, 16);
        char[] password = HexFormat.of().formatHex(Fixtures.randomBytes(random, 16)).toCharArray();
        return new SoftCipherDevice(scratch.resolve("keys.sealed"), masterKey, password, random);
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
