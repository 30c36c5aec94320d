package cn.hrss.seal.ca.authority;

import cn.hrss.seal.core.device.CipherDevice;

import java.math.BigInteger;

/**
 * Certificate and time-stamp serial numbers: 16 random bytes from the device, positive (top bit cleared) so the
 * DER INTEGER stays within RFC 5280's 20 octets and has well over the CA/B 64 bits of entropy.
 */
public final class SerialNumbers {
    private final CipherDevice device;

    public SerialNumbers(CipherDevice device) {
        this.device = device;
    }

    public BigInteger next() {
        while (true) {
            byte[] b = device.generateRandom(16);
            b[0] &= 0x7F;
            BigInteger serial = new BigInteger(1, b);
            if (serial.signum() > 0) {
                return serial;
            }
        }
    }
}
