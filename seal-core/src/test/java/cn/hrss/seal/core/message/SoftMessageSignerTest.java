package cn.hrss.seal.core.message;

import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.device.soft.SoftCipherDevice;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.SecureRandom;

class SoftMessageSignerTest extends MessageSignerDeviceContract {
    @TempDir
    Path dir;

    @Override
    protected CipherDevice openDevice() {
        return new SoftCipherDevice(dir.resolve("keys.sks"), new SecureRandom().generateSeed(16),
                "soft-device-password".toCharArray());
    }
}
