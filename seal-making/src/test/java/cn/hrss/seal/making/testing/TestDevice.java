package cn.hrss.seal.making.testing;

import cn.hrss.seal.core.device.soft.SoftCipherDevice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/** A soft cipher device in a fresh temp directory with a random master key and password. */
public final class TestDevice {
    private TestDevice() {
    }

    public static SoftCipherDevice create() {
        try {
            Path dir = Files.createTempDirectory("seal-making-device");
            dir.toFile().deleteOnExit();
            SecureRandom random = new SecureRandom();
            byte[] masterKey = new byte[16];
            random.nextBytes(masterKey);
            byte[] password = new byte[12];
            random.nextBytes(password);
            Path file = dir.resolve("keys.sealed");
            file.toFile().deleteOnExit();
            return new SoftCipherDevice(file, masterKey, HexFormat.of().formatHex(password).toCharArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
