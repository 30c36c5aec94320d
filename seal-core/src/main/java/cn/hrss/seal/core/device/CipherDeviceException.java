package cn.hrss.seal.core.device;

/**
 * A device operation failed. {@link #code()} is the GM/T 0018 return code (SDR_*) where there is one,
 * so operators can look it up in the vendor's manual.
 */
public class CipherDeviceException extends RuntimeException {
    public static final int SDR_OK = 0;
    public static final int SDR_BASE = 0x01000000;
    public static final int SDR_UNKNOWERR = SDR_BASE + 0x01;
    public static final int SDR_NOTSUPPORT = SDR_BASE + 0x02;
    public static final int SDR_OPENDEVICE = SDR_BASE + 0x05;
    public static final int SDR_OPENSESSION = SDR_BASE + 0x06;
    public static final int SDR_PARDENY = SDR_BASE + 0x07;
    public static final int SDR_KEYNOTEXIST = SDR_BASE + 0x08;
    public static final int SDR_ALGNOTSUPPORT = SDR_BASE + 0x09;
    public static final int SDR_SIGNERR = SDR_BASE + 0x0D;
    public static final int SDR_VERIFYERR = SDR_BASE + 0x0E;
    public static final int SDR_SYMOPERR = SDR_BASE + 0x0F;
    public static final int SDR_KEYERR = SDR_BASE + 0x15;
    public static final int SDR_ENCDATAERR = SDR_BASE + 0x16;
    public static final int SDR_PRKRERR = SDR_BASE + 0x18;
    public static final int SDR_MACERR = SDR_BASE + 0x19;
    public static final int SDR_INARGERR = SDR_BASE + 0x1D;

    private final int code;

    public CipherDeviceException(int code, String message) {
        super(message + " (SDR code 0x" + Integer.toHexString(code) + ")");
        this.code = code;
    }

    public CipherDeviceException(int code, String message, Throwable cause) {
        super(message + " (SDR code 0x" + Integer.toHexString(code) + ")", cause);
        this.code = code;
    }

    public int code() {
        return code;
    }
}
