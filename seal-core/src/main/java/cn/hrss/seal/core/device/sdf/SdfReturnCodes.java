package cn.hrss.seal.core.device.sdf;

import cn.hrss.seal.core.device.CipherDeviceException;

import java.util.Map;

/** GM/T 0018 return codes (SDR_*), named for messages and logs. */
final class SdfReturnCodes {
    static final int SDR_BASE = CipherDeviceException.SDR_BASE;
    static final int SDR_OUTARGERR = SDR_BASE + 0x1E;

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(0, "SDR_OK"),
            Map.entry(SDR_BASE + 0x01, "SDR_UNKNOWERR"),
            Map.entry(SDR_BASE + 0x02, "SDR_NOTSUPPORT"),
            Map.entry(SDR_BASE + 0x03, "SDR_COMMFAIL"),
            Map.entry(SDR_BASE + 0x04, "SDR_HARDFAIL"),
            Map.entry(SDR_BASE + 0x05, "SDR_OPENDEVICE"),
            Map.entry(SDR_BASE + 0x06, "SDR_OPENSESSION"),
            Map.entry(SDR_BASE + 0x07, "SDR_PARDENY"),
            Map.entry(SDR_BASE + 0x08, "SDR_KEYNOTEXIST"),
            Map.entry(SDR_BASE + 0x09, "SDR_ALGNOTSUPPORT"),
            Map.entry(SDR_BASE + 0x0A, "SDR_ALGMODNOTSUPPORT"),
            Map.entry(SDR_BASE + 0x0B, "SDR_PKOPERR"),
            Map.entry(SDR_BASE + 0x0C, "SDR_SKOPERR"),
            Map.entry(SDR_BASE + 0x0D, "SDR_SIGNERR"),
            Map.entry(SDR_BASE + 0x0E, "SDR_VERIFYERR"),
            Map.entry(SDR_BASE + 0x0F, "SDR_SYMOPERR"),
            Map.entry(SDR_BASE + 0x10, "SDR_STEPERR"),
            Map.entry(SDR_BASE + 0x11, "SDR_FILESIZEERR"),
            Map.entry(SDR_BASE + 0x12, "SDR_FILENOEXIST"),
            Map.entry(SDR_BASE + 0x13, "SDR_FILEOFSERR"),
            Map.entry(SDR_BASE + 0x14, "SDR_KEYTYPEERR"),
            Map.entry(SDR_BASE + 0x15, "SDR_KEYERR"),
            Map.entry(SDR_BASE + 0x16, "SDR_ENCDATAERR"),
            Map.entry(SDR_BASE + 0x17, "SDR_RANDERR"),
            Map.entry(SDR_BASE + 0x18, "SDR_PRKRERR"),
            Map.entry(SDR_BASE + 0x19, "SDR_MACERR"),
            Map.entry(SDR_BASE + 0x1A, "SDR_FILEEXSITS"),
            Map.entry(SDR_BASE + 0x1B, "SDR_FILEWERR"),
            Map.entry(SDR_BASE + 0x1C, "SDR_NOBUFFER"),
            Map.entry(SDR_BASE + 0x1D, "SDR_INARGERR"),
            Map.entry(SDR_BASE + 0x1E, "SDR_OUTARGERR"),
            Map.entry(SDR_BASE + 0x1F, "SDR_USERIDERR"));

    private SdfReturnCodes() {
    }

    /** The SDR_* name, or "vendor code" for codes above the standard range. */
    static String name(int code) {
        return NAMES.getOrDefault(code, "vendor code");
    }
}
