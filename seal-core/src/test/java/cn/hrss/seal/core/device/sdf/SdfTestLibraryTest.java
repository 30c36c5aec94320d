package cn.hrss.seal.core.device.sdf;

import cn.hrss.seal.core.device.CipherDeviceException;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** GM/T 0018 details of the C test library that the {@code DeviceSession} API does not expose. */
class SdfTestLibraryTest {
    private static final int SDR_INARGERR = CipherDeviceException.SDR_INARGERR;
    private static final int SGD_SM4_CBC = 0x402;
    private static final byte[] PASSWORD = "raw".getBytes(StandardCharsets.UTF_8);

    /** The test library's vendor extensions next to the standard functions. */
    interface TestLibrary extends SdfLibrary {
        int SDFX_GenerateKeyPairAtFreeIndex_ECC(Pointer hSession, int first, int last, byte[] password,
                                                int passwordLength, IntByReference index);

        int SDFX_GenerateKEKAtFreeIndex(Pointer hSession, int bits, int first, int last, IntByReference index);
    }

    private final TestLibrary sdf = Native.load(SdfTestLibrary.path(), TestLibrary.class);
    private Pointer device;
    private Pointer session;

    @BeforeEach
    void open() {
        PointerByReference h = new PointerByReference();
        assertThat(sdf.SDF_OpenDevice(h)).isZero();
        device = h.getValue();
        assertThat(sdf.SDF_OpenSession(device, h)).isZero();
        session = h.getValue();
    }

    @AfterEach
    void close() {
        assertThat(sdf.SDF_CloseSession(session)).isZero();
        assertThat(sdf.SDF_CloseDevice(device)).isZero();
    }

    private int newKeyPair() {
        IntByReference index = new IntByReference();
        assertThat(sdf.SDFX_GenerateKeyPairAtFreeIndex_ECC(session, 5000, 5999, PASSWORD, PASSWORD.length, index))
                .isZero();
        return index.getValue();
    }

    private Pointer newSessionKey() {
        IntByReference kek = new IntByReference();
        assertThat(sdf.SDFX_GenerateKEKAtFreeIndex(session, 128, 5000, 5999, kek)).isZero();
        byte[] wrapped = new byte[16];
        PointerByReference key = new PointerByReference();
        assertThat(sdf.SDF_GenerateKeyWithKEK(session, 128, SdfDeviceSession.SGD_SM4_ECB, kek.getValue(), wrapped,
                new IntByReference(), key)).isZero();
        return key.getValue();
    }

    @Test
    void cbcReturnsTheIvForTheNextCall() {
        Pointer key = newSessionKey();
        byte[] data = new byte[32];
        Arrays.fill(data, (byte) 3);
        byte[] whole = new byte[32];
        byte[] iv = new byte[16];
        assertThat(sdf.SDF_Encrypt(session, key, SGD_SM4_CBC, iv, data, 32, whole, new IntByReference())).isZero();
        assertThat(iv).isEqualTo(Arrays.copyOfRange(whole, 16, 32));

        byte[] chainedIv = new byte[16];
        byte[] first = new byte[16];
        byte[] second = new byte[16];
        sdf.SDF_Encrypt(session, key, SGD_SM4_CBC, chainedIv, Arrays.copyOf(data, 16), 16, first,
                new IntByReference());
        sdf.SDF_Encrypt(session, key, SGD_SM4_CBC, chainedIv, Arrays.copyOf(data, 16), 16, second,
                new IntByReference());
        assertThat(first).isEqualTo(Arrays.copyOf(whole, 16));
        assertThat(second).isEqualTo(Arrays.copyOfRange(whole, 16, 32));
    }

    @Test
    void signatureValuesAreRightAlignedAndTheInputMustBe32Bytes() {
        int index = newKeyPair();
        assertThat(sdf.SDF_GetPrivateKeyAccessRight(session, index, PASSWORD, PASSWORD.length)).isZero();
        SdfStructures.EccSignature sig = new SdfStructures.EccSignature();

        assertThat(sdf.SDF_InternalSign_ECC(session, index, new byte[33], 33, sig)).isEqualTo(SDR_INARGERR);
        assertThat(sdf.SDF_InternalSign_ECC(session, index, new byte[32], 32, sig)).isZero();

        assertThat(Arrays.copyOf(sig.r, 32)).containsOnly(0);
        assertThat(Arrays.copyOf(sig.s, 32)).containsOnly(0);
        assertThat(Arrays.copyOfRange(sig.r, 32, 64)).isNotEqualTo(new byte[32]);
    }

    @Test
    void rejectsPublicKeysThatAreNot256Bits() {
        int index = newKeyPair();
        SdfStructures.EccPublicKey pub = new SdfStructures.EccPublicKey();
        assertThat(sdf.SDF_ExportSignPublicKey_ECC(session, index, pub)).isZero();
        assertThat(pub.bits).isEqualTo(256);
        pub.bits = 512;

        assertThat(sdf.SDF_ExternalVerify_ECC(session, SdfDeviceSession.SGD_SM2_1, pub, new byte[32], 32,
                new SdfStructures.EccSignature())).isEqualTo(SDR_INARGERR);
    }

    @Test
    void keyHandlesAreCheckedAndDestroyedOnce() {
        Pointer key = newSessionKey();
        assertThat(sdf.SDF_DestroyKey(session, key)).isZero();

        assertThat(sdf.SDF_DestroyKey(session, key)).isEqualTo(CipherDeviceException.SDR_KEYNOTEXIST);
        assertThat(sdf.SDF_Encrypt(session, key, SGD_SM4_CBC, new byte[16], new byte[16], 16, new byte[16],
                new IntByReference())).isEqualTo(CipherDeviceException.SDR_KEYNOTEXIST);
    }

    @Test
    void generationRangesAreValidated() {
        IntByReference index = new IntByReference();
        assertThat(sdf.SDFX_GenerateKeyPairAtFreeIndex_ECC(session, 10, 9, PASSWORD, PASSWORD.length, index))
                .isEqualTo(SDR_INARGERR);
        assertThat(sdf.SDFX_GenerateKEKAtFreeIndex(session, 128, 0, 9, index)).isEqualTo(SDR_INARGERR);
        assertThat(sdf.SDFX_GenerateKEKAtFreeIndex(session, 256, 1, 9, index)).isEqualTo(SDR_INARGERR);
    }

    @Test
    void keyStoreFileIsPrivateAndHoldsNewKeys() throws Exception {
        int index = newKeyPair();
        Path file = Path.of(System.getenv("SDF_TEST_KEYSTORE"));

        assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(
                PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).isEqualTo("SDFTEST-KEYSTORE 1");
        assertThat(lines).anyMatch(l -> l.startsWith("ecc " + index + " "));
    }

    @Test
    void nullHandlesAreInvalidArguments() {
        assertThat(sdf.SDF_GenerateRandom(null, 16, new byte[16])).isEqualTo(SDR_INARGERR);
        assertThat(sdf.SDF_CloseSession(null)).isEqualTo(SDR_INARGERR);
        assertThat(sdf.SDF_OpenSession(null, new PointerByReference())).isEqualTo(SDR_INARGERR);
    }
}
