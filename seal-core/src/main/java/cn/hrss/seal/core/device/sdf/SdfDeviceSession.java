package cn.hrss.seal.core.device.sdf;

import cn.hrss.seal.core.crypto.Sm2Cipher;
import cn.hrss.seal.core.device.CipherDeviceException;
import cn.hrss.seal.core.device.DeviceInfo;
import cn.hrss.seal.core.device.DeviceSession;
import cn.hrss.seal.core.device.KeyRef;
import cn.hrss.seal.core.device.SessionKey;
import cn.hrss.seal.core.device.Sm2PublicKey;
import cn.hrss.seal.core.device.SymmetricMode;
import com.sun.jna.Function;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import org.bouncycastle.crypto.InvalidCipherTextException;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/** One SDF session handle. Used by one thread at a time, like the session it wraps. */
final class SdfDeviceSession implements DeviceSession {
    static final int SGD_SM2_1 = 0x00020200;
    static final int SGD_SM2_3 = 0x00020800;
    static final int SGD_SM4_ECB = SymmetricMode.SM4_ECB.algId();
    private static final int SDR_VERIFYERR = CipherDeviceException.SDR_VERIFYERR;
    /** Room for a KEK-wrapped key; SM4 gives 16 bytes, some vendors add a header. */
    private static final int WRAPPED_KEY_CAPACITY = 256;

    private final SdfFunctions sdf;
    private final Pointer handle;
    private final Consumer<SdfDeviceSession> onClose;
    private boolean closed;

    SdfDeviceSession(SdfFunctions sdf, Pointer handle, Consumer<SdfDeviceSession> onClose) {
        this.sdf = sdf;
        this.handle = handle;
        this.onClose = onClose;
    }

    @Override
    public byte[] generateRandom(int length) {
        if (length <= 0) {
            throw new CipherDeviceException(CipherDeviceException.SDR_INARGERR, "random length must be positive");
        }
        byte[] out = new byte[length];
        call("SDF_GenerateRandom", lib().SDF_GenerateRandom(handle, length, out));
        return out;
    }

    @Override
    public void getPrivateKeyAccessRight(KeyRef key, char[] password) {
        byte[] pwd = password == null ? new byte[0] : utf8(password);
        try {
            call("SDF_GetPrivateKeyAccessRight",
                    lib().SDF_GetPrivateKeyAccessRight(handle, key.index(), pwd, pwd.length));
        } finally {
            Arrays.fill(pwd, (byte) 0);
        }
    }

    @Override
    public void releasePrivateKeyAccessRight(KeyRef key) {
        call("SDF_ReleasePrivateKeyAccessRight", lib().SDF_ReleasePrivateKeyAccessRight(handle, key.index()));
    }

    @Override
    public Sm2PublicKey exportSignPublicKey(KeyRef key) {
        SdfStructures.EccPublicKey ref = new SdfStructures.EccPublicKey();
        call("SDF_ExportSignPublicKey_ECC", lib().SDF_ExportSignPublicKey_ECC(handle, key.index(), ref));
        return ref.toSm2PublicKey();
    }

    @Override
    public Sm2PublicKey exportEncPublicKey(KeyRef key) {
        SdfStructures.EccPublicKey ref = new SdfStructures.EccPublicKey();
        call("SDF_ExportEncPublicKey_ECC", lib("SDF_ExportEncPublicKey_ECC")
                .SDF_ExportEncPublicKey_ECC(handle, key.index(), ref));
        return ref.toSm2PublicKey();
    }

    @Override
    public byte[] internalSign(KeyRef key, byte[] digest) {
        SdfStructures.EccSignature sig = new SdfStructures.EccSignature();
        call("SDF_InternalSign_ECC", lib().SDF_InternalSign_ECC(handle, key.index(), digest, length(digest), sig));
        return sig.toDer();
    }

    @Override
    public boolean internalVerify(KeyRef key, byte[] digest, byte[] derSignature) {
        SdfStructures.EccSignature sig = signature(derSignature);
        if (sig == null) {
            return false;
        }
        return verified("SDF_InternalVerify_ECC", lib("SDF_InternalVerify_ECC")
                .SDF_InternalVerify_ECC(handle, key.index(), digest, length(digest), sig));
    }

    @Override
    public boolean externalVerify(Sm2PublicKey publicKey, byte[] digest, byte[] derSignature) {
        SdfStructures.EccSignature sig = signature(derSignature);
        if (sig == null) {
            return false;
        }
        return verified("SDF_ExternalVerify_ECC", lib("SDF_ExternalVerify_ECC").SDF_ExternalVerify_ECC(handle,
                SGD_SM2_1, SdfStructures.EccPublicKey.of(publicKey), digest, length(digest), sig));
    }

    @Override
    public byte[] externalEncrypt(Sm2PublicKey publicKey, byte[] plaintext) {
        SdfStructures.EccCipher cipher = new SdfStructures.EccCipher(length(plaintext));
        call("SDF_ExternalEncrypt_ECC", lib("SDF_ExternalEncrypt_ECC").SDF_ExternalEncrypt_ECC(handle, SGD_SM2_3,
                SdfStructures.EccPublicKey.of(publicKey), plaintext, length(plaintext), cipher));
        return Sm2Cipher.encode(new Sm2Cipher.Parts(cipher.x32(), cipher.y32(), cipher.M, cipher.cipherText()));
    }

    @Override
    public byte[] internalDecrypt(KeyRef key, byte[] sm2Cipher) {
        Sm2Cipher.Parts parts;
        try {
            parts = Sm2Cipher.parse(sm2Cipher);
        } catch (InvalidCipherTextException | RuntimeException e) {
            throw new CipherDeviceException(CipherDeviceException.SDR_ENCDATAERR,
                    "not a GM/T 0009 SM2Cipher: " + e.getMessage(), e);
        }
        SdfStructures.EccCipher cipher =
                SdfStructures.EccCipher.of(parts.x(), parts.y(), parts.hash(), parts.cipherText());
        byte[] out = new byte[parts.cipherText().length];
        IntByReference outLength = new IntByReference(out.length);
        call("SDF_InternalDecrypt_ECC", lib("SDF_InternalDecrypt_ECC")
                .SDF_InternalDecrypt_ECC(handle, key.index(), SGD_SM2_3, cipher, out, outLength));
        return Arrays.copyOf(out, checkedLength(outLength, out.length));
    }

    @Override
    public SessionKey generateKeyWithKek(KeyRef kek) {
        byte[] wrapped = new byte[WRAPPED_KEY_CAPACITY];
        IntByReference wrappedLength = new IntByReference(wrapped.length);
        PointerByReference keyHandle = new PointerByReference();
        call("SDF_GenerateKeyWithKEK", lib("SDF_GenerateKeyWithKEK")
                .SDF_GenerateKeyWithKEK(handle, 128, SGD_SM4_ECB, kek.index(), wrapped, wrappedLength, keyHandle));
        return new SessionKey(keyHandle.getValue(),
                Arrays.copyOf(wrapped, checkedLength(wrappedLength, wrapped.length)));
    }

    @Override
    public SessionKey importKeyWithKek(KeyRef kek, byte[] wrappedKey) {
        PointerByReference keyHandle = new PointerByReference();
        call("SDF_ImportKeyWithKEK", lib("SDF_ImportKeyWithKEK")
                .SDF_ImportKeyWithKEK(handle, SGD_SM4_ECB, kek.index(), wrappedKey, length(wrappedKey), keyHandle));
        return new SessionKey(keyHandle.getValue(), wrappedKey);
    }

    @Override
    public byte[] encrypt(SessionKey key, SymmetricMode mode, byte[] iv, byte[] data) {
        byte[] out = new byte[length(data)];
        IntByReference outLength = new IntByReference(out.length);
        // SDF returns the chained IV through pucIV; keep the caller's array unchanged
        call("SDF_Encrypt", lib("SDF_Encrypt").SDF_Encrypt(handle, keyHandle(key), mode.algId(), ivFor(mode, iv),
                data, length(data), out, outLength));
        return Arrays.copyOf(out, checkedLength(outLength, out.length));
    }

    @Override
    public byte[] decrypt(SessionKey key, SymmetricMode mode, byte[] iv, byte[] data) {
        byte[] out = new byte[length(data)];
        IntByReference outLength = new IntByReference(out.length);
        call("SDF_Decrypt", lib("SDF_Decrypt").SDF_Decrypt(handle, keyHandle(key), mode.algId(), ivFor(mode, iv),
                data, length(data), out, outLength));
        return Arrays.copyOf(out, checkedLength(outLength, out.length));
    }

    @Override
    public void destroyKey(SessionKey key) {
        if (key != null && key.handle() instanceof Pointer p) {
            call("SDF_DestroyKey", lib("SDF_DestroyKey").SDF_DestroyKey(handle, p));
        }
    }

    /** Calls a vendor key-creation extension {@code int f(hSession, arguments..., unsigned int *puiIndex)}. */
    int generateAtFreeIndex(String name, Function function, Object... arguments) {
        open();
        IntByReference index = new IntByReference();
        Object[] args = new Object[arguments.length + 2];
        args[0] = handle;
        System.arraycopy(arguments, 0, args, 1, arguments.length);
        args[args.length - 1] = index;
        call(name, function.invokeInt(args));
        return index.getValue();
    }

    DeviceInfo deviceInfo() {
        SdfStructures.DeviceInfo info = new SdfStructures.DeviceInfo();
        call("SDF_GetDeviceInfo", lib().SDF_GetDeviceInfo(handle, info));
        return info.toDeviceInfo();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try {
                call("SDF_CloseSession", sdf.required().SDF_CloseSession(handle));
            } finally {
                onClose.accept(this);
            }
        }
    }

    /** Marks the session closed without calling the library: the device is closing and takes its sessions along. */
    void abandon() {
        closed = true;
    }

    /** For the functions every SDF library must export (checked at startup). */
    private SdfLibrary lib() {
        open();
        return sdf.required();
    }

    private SdfLibrary lib(String function) {
        open();
        return sdf.require(function);
    }

    private void open() {
        if (closed) {
            throw new CipherDeviceException(CipherDeviceException.SDR_OPENSESSION, "SDF session is closed");
        }
    }

    private static void call(String function, int rc) {
        SdfFunctions.check(function, rc);
    }

    /** SDR_OK is a valid signature, SDR_VERIFYERR an invalid one; anything else is a device failure. */
    private static boolean verified(String function, int rc) {
        if (rc == SDR_VERIFYERR) {
            return false;
        }
        call(function, rc);
        return true;
    }

    /** A malformed DER signature is simply invalid, as in {@link cn.hrss.seal.core.crypto.Sm2#verifyDigest}. */
    private static SdfStructures.EccSignature signature(byte[] der) {
        try {
            return SdfStructures.EccSignature.fromDer(der);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    private static Pointer keyHandle(SessionKey key) {
        if (key == null || !(key.handle() instanceof Pointer p)) {
            throw new CipherDeviceException(CipherDeviceException.SDR_KEYERR, "not a session key of this device");
        }
        return p;
    }

    private static byte[] ivFor(SymmetricMode mode, byte[] iv) {
        return mode == SymmetricMode.SM4_ECB || iv == null ? null : iv.clone();
    }

    private static int length(byte[] data) {
        return data == null ? 0 : data.length;
    }

    private static int checkedLength(IntByReference length, int capacity) {
        int n = length.getValue();
        if (n < 0 || n > capacity) {
            throw new CipherDeviceException(SdfReturnCodes.SDR_OUTARGERR,
                    "device reported " + Integer.toUnsignedString(n) + " bytes for a " + capacity + "-byte buffer");
        }
        return n;
    }

    private static byte[] utf8(char[] password) {
        ByteBuffer b = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] out = new byte[b.remaining()];
        b.get(out);
        if (b.hasArray()) {
            Arrays.fill(b.array(), (byte) 0);
        }
        return out;
    }
}
