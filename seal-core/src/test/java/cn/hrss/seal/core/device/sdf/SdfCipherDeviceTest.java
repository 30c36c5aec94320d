package cn.hrss.seal.core.device.sdf;

import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.device.CipherDeviceException;
import cn.hrss.seal.core.device.DeviceSession;
import cn.hrss.seal.core.device.KeyRef;
import cn.hrss.seal.core.device.Sm2PublicKey;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What is specific to the SDF binding: struct layout, configuration, probing, error mapping. */
class SdfCipherDeviceTest {
    private static final int SDR_NOBUFFER = CipherDeviceException.SDR_BASE + 0x1C;

    private static String label(String purpose) {
        return purpose + "-" + System.nanoTime();
    }

    private static SdfDeviceProperties withVendorFunctions(SdfDeviceProperties.VendorFunctions functions) {
        SdfDeviceProperties p = SdfTestLibrary.properties(Map.of());
        return new SdfDeviceProperties(p.library(), p.keys(), p.generatedKeyIndexes(), p.generatedKeyPassword(),
                functions, p.maxIdleSessions());
    }

    @Test
    void structsHaveTheGmT0018Layout() {
        assertThat(new SdfStructures.DeviceInfo().size()).isEqualTo(100);
        assertThat(new SdfStructures.EccPublicKey().size()).isEqualTo(132);
        assertThat(new SdfStructures.EccSignature().size()).isEqualTo(128);
        assertThat(new SdfStructures.EccCipher(19).size()).isEqualTo(164 + 19);
        SdfStructures.EccCipher cipher = new SdfStructures.EccCipher(19);
        cipher.L = 0x01020304;
        cipher.C[0] = 0x55;
        cipher.write();
        assertThat(cipher.getPointer().getInt(160)).isEqualTo(0x01020304);
        assertThat(cipher.getPointer().getByte(164)).isEqualTo((byte) 0x55);
    }

    @Test
    void publicKeysAndSignaturesAreRightAlignedIn64ByteFields() {
        Sm2PublicKey pub = Sm2PublicKey.fromPoint(Sm2.publicPoint(java.math.BigInteger.TEN));
        SdfStructures.EccPublicKey ref = SdfStructures.EccPublicKey.of(pub);
        assertThat(ref.bits).isEqualTo(256);
        assertThat(java.util.Arrays.copyOf(ref.x, 32)).containsOnly(0);
        assertThat(ref.toSm2PublicKey()).isEqualTo(pub);

        ref.x[0] = 1;
        assertThatThrownBy(ref::toSm2PublicKey).isInstanceOf(CipherDeviceException.class);

        byte[] der = Sm2.encodeSignature(java.math.BigInteger.ONE, java.math.BigInteger.TWO);
        SdfStructures.EccSignature sig = SdfStructures.EccSignature.fromDer(der);
        assertThat(sig.r[63]).isEqualTo((byte) 1);
        assertThat(sig.s[63]).isEqualTo((byte) 2);
        assertThat(sig.toDer()).isEqualTo(der);
    }

    @Test
    void reportsTheDeviceInfo() {
        try (SdfCipherDevice device = SdfTestLibrary.open()) {
            assertThat(device.info().deviceName()).isEqualTo("sdftest-openssl3");
            assertThat(device.info().standardVersion()).isEqualTo(2012);
        }
    }

    @Test
    void namedKeysUseTheirConfiguredPassword() {
        KeyRef generated;
        Sm2PublicKey pub;
        try (SdfCipherDevice maker = SdfTestLibrary.open()) {
            generated = maker.generateKeyPair(label("made-by-tool"));
            pub = maker.exportSignPublicKey(generated);
        }
        SdfDeviceProperties.NamedKey right =
                new SdfDeviceProperties.NamedKey(generated.index(), SdfTestLibrary.PASSWORD);
        try (SdfCipherDevice device = SdfCipherDevice.open(new SdfDeviceProperties(SdfTestLibrary.path(),
                Map.of("seal-root", right), new SdfDeviceProperties.IndexRange(4001, 4100), null,
                null, null))) {
            KeyRef root = device.findKey("seal-root").orElseThrow();
            byte[] e = Sm2.digest(pub, new byte[] {1});
            assertThat(root.index()).isEqualTo(generated.index());
            assertThat(Sm2.verifyDigest(pub, e, device.sign(root, e))).isTrue();
        }

        SdfDeviceProperties.NamedKey wrong = new SdfDeviceProperties.NamedKey(generated.index(), "not-it");
        try (SdfCipherDevice device = SdfCipherDevice.open(new SdfDeviceProperties(SdfTestLibrary.path(),
                Map.of("seal-root", wrong), new SdfDeviceProperties.IndexRange(4001, 4100), null, null, null))) {
            KeyRef root = device.findKey("seal-root").orElseThrow();
            assertThatThrownBy(() -> device.sign(root, new byte[32]))
                    .isInstanceOfSatisfying(CipherDeviceException.class, e -> {
                        assertThat(e.code()).isEqualTo(CipherDeviceException.SDR_PRKRERR);
                        assertThat(e).hasMessageContaining("SDF_GetPrivateKeyAccessRight")
                                .hasMessageContaining("SDR_PRKRERR");
                    });
        }
    }

    @Test
    void keyGenerationWithoutVendorFunctionsIsNotSupported() {
        try (SdfCipherDevice device = SdfCipherDevice.open(
                withVendorFunctions(SdfDeviceProperties.VendorFunctions.NONE))) {
            assertThatThrownBy(() -> device.generateKeyPair(label("x")))
                    .isInstanceOfSatisfying(CipherDeviceException.class,
                            e -> assertThat(e.code()).isEqualTo(CipherDeviceException.SDR_NOTSUPPORT))
                    .hasMessageContaining("management tool");
            assertThatThrownBy(() -> device.generateKek(label("x")))
                    .isInstanceOfSatisfying(CipherDeviceException.class,
                            e -> assertThat(e.code()).isEqualTo(CipherDeviceException.SDR_NOTSUPPORT));
        }
    }

    @Test
    void vendorFunctionsMissingFromTheLibraryAreNotSupported() {
        try (SdfCipherDevice device = SdfCipherDevice.open(withVendorFunctions(
                new SdfDeviceProperties.VendorFunctions("VENDOR_GenKeyPair", "VENDOR_GenKek")))) {
            assertThatThrownBy(() -> device.generateKeyPair(label("x")))
                    .isInstanceOfSatisfying(CipherDeviceException.class,
                            e -> assertThat(e.code()).isEqualTo(CipherDeviceException.SDR_NOTSUPPORT))
                    .hasMessageContaining("VENDOR_GenKeyPair");
        }
    }

    @Test
    void generatedKeysStayInTheConfiguredRange() {
        SdfDeviceProperties p = SdfTestLibrary.properties(Map.of());
        try (SdfCipherDevice device = SdfCipherDevice.open(new SdfDeviceProperties(p.library(), p.keys(),
                new SdfDeviceProperties.IndexRange(4500, 4500), p.generatedKeyPassword(), p.vendorFunctions(),
                p.maxIdleSessions()))) {
            assertThat(device.generateKeyPair(label("only")).index()).isEqualTo(4500);
            assertThatThrownBy(() -> device.generateKeyPair(label("full")))
                    .isInstanceOfSatisfying(CipherDeviceException.class,
                            e -> assertThat(e.code()).isEqualTo(SDR_NOBUFFER))
                    .hasMessageContaining("SDFX_GenerateKeyPairAtFreeIndex_ECC");
        }
    }

    @Test
    void concurrentGenerationGivesDistinctIndexes() throws Exception {
        try (SdfCipherDevice device = SdfTestLibrary.open()) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<KeyRef>> keys = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    keys.add(pool.submit(() -> device.generateKeyPair(label("parallel"))));
                }
                Set<Integer> indexes = new HashSet<>();
                for (Future<KeyRef> k : keys) {
                    indexes.add(k.get(60, TimeUnit.SECONDS).index());
                }
                assertThat(indexes).hasSize(12);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void vendorSpecificCodesAreNamedAsSuch() {
        assertThat(SdfReturnCodes.name(CipherDeviceException.SDR_PARDENY)).isEqualTo("SDR_PARDENY");
        assertThat(SdfReturnCodes.name(CipherDeviceException.SDR_BASE + 0x00010001)).isEqualTo("vendor code");
    }

    @Test
    void labelsAreUnique() {
        try (SdfCipherDevice device = SdfTestLibrary.open()) {
            String label = label("dup");
            device.generateKeyPair(label);
            assertThatThrownBy(() -> device.generateKeyPair(label))
                    .isInstanceOfSatisfying(CipherDeviceException.class,
                            e -> assertThat(e.code()).isEqualTo(CipherDeviceException.SDR_INARGERR));
        }
    }

    @Test
    void closingTheDeviceClosesSessionsLeftOpen() {
        SdfCipherDevice device = SdfTestLibrary.open();
        DeviceSession leftOpen = device.openSession();
        device.close();

        assertThatThrownBy(() -> leftOpen.generateRandom(8)).isInstanceOfSatisfying(CipherDeviceException.class,
                e -> assertThat(e.code()).isEqualTo(CipherDeviceException.SDR_OPENSESSION));
        assertThatThrownBy(() -> device.generateRandom(8)).isInstanceOf(CipherDeviceException.class);
        assertThatThrownBy(device::openSession).isInstanceOfSatisfying(CipherDeviceException.class,
                e -> assertThat(e.code()).isEqualTo(CipherDeviceException.SDR_OPENSESSION));
        device.close(); // closing twice never hands the freed handle to the library
    }

    @Test
    void aMissingLibraryCannotBeOpened() {
        SdfDeviceProperties p = SdfTestLibrary.properties(Map.of());
        assertThatThrownBy(() -> SdfCipherDevice.open(new SdfDeviceProperties("/nonexistent/libsdf.so", p.keys(),
                p.generatedKeyIndexes(), null, null, null)))
                .isInstanceOfSatisfying(CipherDeviceException.class,
                        e -> assertThat(e.code()).isEqualTo(CipherDeviceException.SDR_OPENDEVICE));
    }

    @Test
    void aLibraryWithoutTheSdfFunctionsIsRejectedAtStartup() {
        SdfDeviceProperties p = SdfTestLibrary.properties(Map.of());
        // a real shared library that is no SDF library (the test library's own dependency)
        assertThatThrownBy(() -> SdfCipherDevice.open(new SdfDeviceProperties("libcrypto.so.3", p.keys(),
                p.generatedKeyIndexes(), null, null, null)))
                .isInstanceOfSatisfying(CipherDeviceException.class,
                        e -> assertThat(e.code()).isEqualTo(CipherDeviceException.SDR_NOTSUPPORT))
                .hasMessageContaining("SDF_OpenDevice");
    }

    @Test
    void errorsNameTheFunctionAndTheCode() {
        try (SdfCipherDevice device = SdfTestLibrary.open(); DeviceSession s = device.openSession()) {
            assertThatThrownBy(() -> s.exportSignPublicKey(new KeyRef(59_999, "absent")))
                    .isInstanceOfSatisfying(CipherDeviceException.class,
                            e -> assertThat(e.code()).isEqualTo(CipherDeviceException.SDR_KEYNOTEXIST))
                    .hasMessageContaining("SDF_ExportSignPublicKey_ECC failed: SDR_KEYNOTEXIST (SDR code 0x1000008)");
        }
    }
}
