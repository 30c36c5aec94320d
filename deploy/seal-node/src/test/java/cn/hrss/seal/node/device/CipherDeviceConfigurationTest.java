package cn.hrss.seal.node.device;

import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.device.KeyRef;
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
    void sdfFailsFastUntilTheBindingIsWired() {
        runner().withPropertyValues("seal.device.type=sdf").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("seal.device.type=sdf is not available"));
    }
}
