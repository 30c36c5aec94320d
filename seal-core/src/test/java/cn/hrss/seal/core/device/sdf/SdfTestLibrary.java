package cn.hrss.seal.core.device.sdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The test SDF library built by Maven from src/main/c: its path comes from the system property
 * {@code sdf.test.library}, its key store from the environment variable {@code SDF_TEST_KEYSTORE} (surefire sets
 * both). The key store is emptied once per JVM, before the first device opens; tests then share it the way
 * applications share a cipher machine, each making its own keys.
 */
final class SdfTestLibrary {
    static final String PASSWORD = "sdf-generated-key-password";
    private static final String LIBRARY = System.getProperty("sdf.test.library");

    static {
        if (LIBRARY == null || !Files.isRegularFile(Path.of(LIBRARY))) {
            throw new IllegalStateException("system property sdf.test.library must name the built libsdftest.so,"
                    + " got " + LIBRARY + " (run the tests through Maven)");
        }
        String keyStore = System.getenv("SDF_TEST_KEYSTORE");
        if (keyStore == null) {
            throw new IllegalStateException("environment variable SDF_TEST_KEYSTORE is not set");
        }
        try {
            Files.deleteIfExists(Path.of(keyStore));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SdfTestLibrary() {
    }

    static String path() {
        return LIBRARY;
    }

    /** A device with key generation at indexes 1..4000 and the given named keys. */
    static SdfDeviceProperties properties(Map<String, SdfDeviceProperties.NamedKey> keys) {
        return new SdfDeviceProperties(LIBRARY, keys, new SdfDeviceProperties.IndexRange(1, 4000), PASSWORD,
                SdfDeviceProperties.VendorFunctions.TEST_LIBRARY, 4);
    }

    static SdfCipherDevice open() {
        return SdfCipherDevice.open(properties(Map.of()));
    }
}
