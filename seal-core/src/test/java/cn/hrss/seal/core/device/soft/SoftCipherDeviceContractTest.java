package cn.hrss.seal.core.device.soft;

import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.device.CipherDeviceContract;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.SecureRandom;

class SoftCipherDeviceContractTest extends CipherDeviceContract {
    private static final char[] PASSWORD = "soft-device-password".toCharArray();

    @TempDir
    Path dir;
    private final byte[] masterKey = new SecureRandom().generateSeed(16);

    @Override
    protected CipherDevice openDevice() {
        return new SoftCipherDevice(dir.resolve("keys.sks"), masterKey, PASSWORD);
    }

    @Override
    protected char[] generatedKeyPassword() {
        return PASSWORD.clone();
    }
}
