package cn.hrss.seal.node.device;

import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.device.KeyRef;
import cn.hrss.seal.core.device.Sm2PublicKey;
import cn.hrss.seal.core.device.sdf.SdfCipherDevice;
import cn.hrss.seal.node.NodeProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class CipherDeviceConfigurationTest {
    static final String MASTER_KEY = "00112233445566778899aabbccddeeff";

    @TempDir
    Path dataDir;

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({NodeProperties.class, DeviceProperties.class})
    @Import(CipherDeviceConfiguration.class)
    static class Devices {
    }

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner().withUserConfiguration(Devices.class)
                .withPropertyValues("seal.data-dir=" + dataDir);
    }

    @Test
    void developmentGeneratesSecretsOnceAndReopensTheSameKeyStore() throws Exception {
        byte[][] publicKeys = new byte[2][];
        for (int run = 0; run < 2; run++) {
            int r = run;
            runner().run(context -> {
                assertThat(context).hasNotFailed();
                CipherDevice device = context.getBean(CipherDevice.class);
                KeyRef key = device.findKey("probe").orElseGet(() -> device.generateKeyPair("probe"));
                publicKeys[r] = device.exportSignPublicKey(key).uncompressed();
            });
        }
        assertThat(publicKeys[1]).isEqualTo(publicKeys[0]);
        assertThat(Files.readString(dataDir.resolve("keys/master.key"))).matches("[0-9a-f]{32}");
        assertThat(Files.readString(dataDir.resolve("keys/device.password"))).isNotBlank();
    }

    @Test
    void configuredSecretsAreUsedAndNothingIsWritten() {
        runner().withPropertyValues("seal.device.soft.master-key=" + MASTER_KEY,
                        "seal.device.soft.key-password=Device9Password")
                .run(context -> {
                    assertThat(context).hasSingleBean(CipherDevice.class);
                    assertThat(dataDir.resolve("keys/master.key")).doesNotExist();
                    assertThat(dataDir.resolve("keys/device.password")).doesNotExist();
                    assertThat(dataDir.resolve("keys/soft-device.ks")).exists();
                });
    }

    @Test
    void damagedGeneratedMasterKeyFileStopsTheStart() throws Exception {
        Files.createDirectories(dataDir.resolve("keys"));
        Files.writeString(dataDir.resolve("keys/master.key"), "0011");
        runner().run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                .hasMessageContaining("master.key does not hold 32 hex characters"));
    }

    @Test
    void wrongMasterKeyForAnExistingKeyStoreStopsTheStart() {
        runner().withPropertyValues("seal.device.soft.master-key=" + MASTER_KEY,
                "seal.device.soft.key-password=Device9Password").run(context ->
                context.getBean(CipherDevice.class).generateKeyPair("probe"));
        runner().withPropertyValues("seal.device.soft.master-key=ffeeddccbbaa99887766554433221100",
                "seal.device.soft.key-password=Device9Password").run(context ->
                assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("cannot be opened with this master key"));
    }

    @Test
    void malformedMasterKeyIsRejectedAtBinding() {
        runner().withPropertyValues("seal.device.soft.master-key=not-hex").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("seal.device.soft.masterKey"));
    }

    @Test
    void productionRefusesTheSoftDevice() {
        runner().withPropertyValues("spring.profiles.active=production",
                        "seal.device.soft.master-key=" + MASTER_KEY, "seal.device.soft.key-password=Device9Password")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("production profile refuses the soft cipher device"));
    }

    @Test
    void productionOverrideStartsWithAWarning(CapturedOutput output) {
        runner().withPropertyValues("spring.profiles.active=production", "seal.device.allow-soft-in-production=true",
                        "seal.device.soft.master-key=" + MASTER_KEY, "seal.device.soft.key-password=Device9Password")
                .run(context -> {
                    assertThat(context).hasSingleBean(CipherDevice.class);
                    assertThat(output).contains("PRODUCTION ON THE SOFT CIPHER DEVICE");
                });
    }

    @Test
    void productionNeverGeneratesSecrets() {
        runner().withPropertyValues("spring.profiles.active=production", "seal.device.allow-soft-in-production=true")
                .run(context -> {
                    assertThat(context).hasFailed().getFailure().rootCause()
                            .hasMessageContaining("SEAL_MASTER_KEY must be set");
                    assertThat(dataDir.resolve("keys/master.key")).doesNotExist();
                });
    }

    @Test
    void sdfWithoutItsSettingsIsRejectedAtBinding() {
        runner().withPropertyValues("seal.device.type=sdf").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("seal.device.sdf.library"));
    }

    @Test
    void sdfDeviceOverTheTestLibraryHoldsTheNodesKeys() throws Exception {
        // the test GM/T 0018 library built by seal-core; its key store comes from SDF_TEST_KEYSTORE (surefire)
        Path library = Path.of(System.getProperty("sdf.test.library"));
        assertThat(library).exists();
        Files.deleteIfExists(Path.of(System.getenv("SDF_TEST_KEYSTORE")));
        runner().withPropertyValues("seal.device.type=sdf",
                        "seal.device.sdf.library=" + library,
                        "seal.device.sdf.generated-key-indexes.first=10",
                        "seal.device.sdf.generated-key-indexes.last=99",
                        "seal.device.sdf.generated-key-password=Sdf9Password",
                        "seal.device.sdf.vendor-functions.generate-key-pair=SDFX_GenerateKeyPairAtFreeIndex_ECC",
                        "seal.device.sdf.vendor-functions.generate-kek=SDFX_GenerateKEKAtFreeIndex")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    CipherDevice device = context.getBean(CipherDevice.class);
                    assertThat(device).isInstanceOf(SdfCipherDevice.class);
                    KeyRef key = device.generateKeyPair("node-probe");
                    Sm2PublicKey pub = device.exportSignPublicKey(key);
                    byte[] e = Sm2.digest(pub, "signed through the node's SDF device".getBytes());
                    assertThat(Sm2.verifyDigest(pub, e, device.sign(key, e))).isTrue();
                    assertThat(key.index()).isBetween(10, 99);
                });
        assertThat(dataDir.resolve("keys")).doesNotExist();
    }

    @Test
    void sdfPointingAtAMissingLibraryStopsTheStart() {
        runner().withPropertyValues("seal.device.type=sdf",
                        "seal.device.sdf.library=" + dataDir.resolve("no-such-libsdf.so"),
                        "seal.device.sdf.generated-key-indexes.first=10",
                        "seal.device.sdf.generated-key-indexes.last=99")
                .run(context -> assertThat(context).hasFailed());
    }
}
