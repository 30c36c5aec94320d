package cn.hrss.seal.core.device.sdf;

import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.device.CipherDeviceException;
import cn.hrss.seal.core.device.Sm2PublicKey;
import com.sun.jna.Structure;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * GM/T 0018-2012 structs, byte-packed ({@code #pragma pack(1)}, {@link Structure#ALIGN_NONE}) with
 * ECCref_MAX_LEN = 64: 256-bit SM2 values sit right-aligned in the 64-byte fields. Public only because JNA reads
 * the fields reflectively; not API.
 */
public final class SdfStructures {
    /** ECCref_MAX_LEN for ECCref_MAX_BITS = 512. */
    static final int ECC_MAX_LEN = 64;
    private static final int PAD = ECC_MAX_LEN - 32;

    private SdfStructures() {
    }

    /** DEVICEINFO (100 bytes). */
    @Structure.FieldOrder({"IssuerName", "DeviceName", "DeviceSerial", "DeviceVersion", "StandardVersion",
            "AsymAlgAbility", "SymAlgAbility", "HashAlgAbility", "BufferSize"})
    public static final class DeviceInfo extends Structure {
        public byte[] IssuerName = new byte[40];
        public byte[] DeviceName = new byte[16];
        public byte[] DeviceSerial = new byte[16];
        public int DeviceVersion;
        public int StandardVersion;
        public int[] AsymAlgAbility = new int[2];
        public int SymAlgAbility;
        public int HashAlgAbility;
        public int BufferSize;

        public DeviceInfo() {
            super(ALIGN_NONE);
        }

        cn.hrss.seal.core.device.DeviceInfo toDeviceInfo() {
            return new cn.hrss.seal.core.device.DeviceInfo(text(IssuerName), text(DeviceName), text(DeviceSerial),
                    Integer.toUnsignedLong(DeviceVersion), Integer.toUnsignedLong(StandardVersion));
        }

        private static String text(byte[] field) {
            int end = 0;
            while (end < field.length && field[end] != 0) {
                end++;
            }
            return new String(field, 0, end, StandardCharsets.US_ASCII).trim();
        }
    }

    /** ECCrefPublicKey (132 bytes). */
    @Structure.FieldOrder({"bits", "x", "y"})
    public static final class EccPublicKey extends Structure {
        public int bits;
        public byte[] x = new byte[ECC_MAX_LEN];
        public byte[] y = new byte[ECC_MAX_LEN];

        public EccPublicKey() {
            super(ALIGN_NONE);
        }

        static EccPublicKey of(Sm2PublicKey key) {
            EccPublicKey ref = new EccPublicKey();
            ref.bits = 256;
            System.arraycopy(key.x(), 0, ref.x, PAD, 32);
            System.arraycopy(key.y(), 0, ref.y, PAD, 32);
            return ref;
        }

        Sm2PublicKey toSm2PublicKey() {
            if (bits != 256 || !highHalfZero(x) || !highHalfZero(y)) {
                throw new CipherDeviceException(SdfReturnCodes.SDR_OUTARGERR,
                        "device returned a public key that is not a 256-bit SM2 key (bits=" + bits + ")");
            }
            try {
                return Sm2PublicKey.of(low(x), low(y));
            } catch (IllegalArgumentException e) {
                throw new CipherDeviceException(SdfReturnCodes.SDR_OUTARGERR, "device returned an invalid SM2 key", e);
            }
        }
    }

    /** ECCSignature (128 bytes). */
    @Structure.FieldOrder({"r", "s"})
    public static final class EccSignature extends Structure {
        public byte[] r = new byte[ECC_MAX_LEN];
        public byte[] s = new byte[ECC_MAX_LEN];

        public EccSignature() {
            super(ALIGN_NONE);
        }

        /** From a DER SM2Signature; throws IllegalArgumentException when it is malformed. */
        static EccSignature fromDer(byte[] der) {
            byte[] raw = Sm2.derToRaw(der);
            EccSignature sig = new EccSignature();
            System.arraycopy(raw, 0, sig.r, PAD, 32);
            System.arraycopy(raw, 32, sig.s, PAD, 32);
            return sig;
        }

        byte[] toDer() {
            if (!highHalfZero(r) || !highHalfZero(s)) {
                throw new CipherDeviceException(SdfReturnCodes.SDR_OUTARGERR,
                        "device returned a signature wider than 256 bits");
            }
            byte[] raw = new byte[64];
            System.arraycopy(r, PAD, raw, 0, 32);
            System.arraycopy(s, PAD, raw, 32, 32);
            return Sm2.rawToDer(raw);
        }
    }

    /**
     * ECCCipher: x, y, M (= C3), L, then L bytes of C. GM/T 0018-2012 declares {@code C[1]} and lets the caller
     * over-allocate, so the array is sized per call.
     */
    @Structure.FieldOrder({"x", "y", "M", "L", "C"})
    public static final class EccCipher extends Structure {
        /** Bytes before C. */
        static final int HEADER_SIZE = 2 * ECC_MAX_LEN + 32 + 4;

        public byte[] x = new byte[ECC_MAX_LEN];
        public byte[] y = new byte[ECC_MAX_LEN];
        public byte[] M = new byte[32];
        public int L;
        public byte[] C;

        /** Room for {@code capacity} bytes of C. */
        public EccCipher(int capacity) {
            super(ALIGN_NONE);
            C = new byte[Math.max(1, capacity)];
            allocateMemory();
        }

        static EccCipher of(byte[] x, byte[] y, byte[] hash, byte[] cipherText) {
            EccCipher c = new EccCipher(cipherText.length);
            System.arraycopy(x, 0, c.x, PAD, 32);
            System.arraycopy(y, 0, c.y, PAD, 32);
            System.arraycopy(hash, 0, c.M, 0, 32);
            System.arraycopy(cipherText, 0, c.C, 0, cipherText.length);
            c.L = cipherText.length;
            return c;
        }

        byte[] x32() {
            return low(x);
        }

        byte[] y32() {
            return low(y);
        }

        /** The L bytes of C the device wrote. */
        byte[] cipherText() {
            if (L <= 0 || L > C.length || !highHalfZero(x) || !highHalfZero(y)) {
                throw new CipherDeviceException(SdfReturnCodes.SDR_OUTARGERR,
                        "device returned a malformed ECCCipher (L=" + Integer.toUnsignedString(L) + ")");
            }
            return Arrays.copyOf(C, L);
        }
    }

    private static boolean highHalfZero(byte[] field) {
        for (int i = 0; i < PAD; i++) {
            if (field[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] low(byte[] field) {
        return Arrays.copyOfRange(field, PAD, ECC_MAX_LEN);
    }
}
