package cn.hrss.seal.making.testing;

import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.device.KeyRef;
import cn.hrss.seal.making.port.PersonalData;

import java.nio.charset.StandardCharsets;

/** SM4 under a KEK in the device, simple masking; stands in for the blocks pii package in tests. */
public final class DevicePersonalData implements PersonalData {
    private final CipherDevice device;
    private final KeyRef kek;

    public DevicePersonalData(CipherDevice device) {
        this.device = device;
        this.kek = device.generateKek("test-pii-kek");
    }

    @Override
    public byte[] encrypt(String value) {
        return device.sm4Encrypt(kek, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String decrypt(byte[] ciphertext) {
        return new String(device.sm4Decrypt(kek, ciphertext), StandardCharsets.UTF_8);
    }

    @Override
    public String maskIdNumber(String v) {
        return v.substring(0, 6) + "*".repeat(v.length() - 10) + v.substring(v.length() - 4);
    }

    @Override
    public String maskPhone(String v) {
        return v.substring(0, 3) + "****" + v.substring(v.length() - 4);
    }
}
