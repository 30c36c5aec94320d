package cn.hrss.seal.application.testing;

import cn.hrss.seal.core.device.soft.SoftCipherDevice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Throw-away soft cipher devices for test nodes: a fresh key store, master key and password each time. */
public final class TestDevices {
    private TestDevices() {
    }

    public static SoftCipherDevice soft(String name) {
        try {
            Path dir = Files.createTempDirectory(name);
            dir.toFile().deleteOnExit();
            SecureRandom random = new SecureRandom();
            byte[] masterKey = new byte[16];
            random.nextBytes(masterKey);
            byte[] password = new byte[12];
            random.nextBytes(password);
            return new SoftCipherDevice(dir.resolve("keys.sealed"), masterKey,
                    HexFormat.of().formatHex(password).toCharArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
