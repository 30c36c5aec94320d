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
    public Protected protect(Kind kind, String value) {
        byte[] plain = (kind.name() + ":" + value).getBytes(StandardCharsets.UTF_8);
        String masked = kind == Kind.CITIZEN_ID
                ? value.substring(0, 6) + "*".repeat(value.length() - 10) + value.substring(value.length() - 4)
                : value.substring(0, 3) + "****" + value.substring(value.length() - 4);
        return new Protected(device.sm4Encrypt(kek, plain), masked);
    }

    @Override
    public String reveal(Kind kind, byte[] sealed) {
        String plain = new String(device.sm4Decrypt(kek, sealed), StandardCharsets.UTF_8);
        if (!plain.startsWith(kind.name() + ":")) {
            throw new IllegalStateException("sealed value is not a " + kind);
        }
        return plain.substring(kind.name().length() + 1);
    }
}
