package cn.hrss.seal.node.device;

import cn.hrss.seal.core.device.sdf.SdfDeviceProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;

/**
 * {@code seal.device.*}: which cipher device holds the node's private keys.
 *
 * @param type                   {@code soft} (BouncyCastle, sealed key file) or {@code sdf} (GM/T 0018 cipher machine)
 * @param allowSoftInProduction  lets the {@code production} profile start on the soft device (logged at every start)
 * @param soft                   the soft device's settings
 * @param sdf                    the GM/T 0018 device's settings ({@code seal.device.sdf.*}); required for {@code sdf}
 */
@Validated
@ConfigurationProperties("seal.device")
public record DeviceProperties(
        @NotNull @DefaultValue("soft") Type type,
        boolean allowSoftInProduction,
        @Valid @NotNull @DefaultValue Soft soft,
        @Valid SdfDeviceProperties sdf) {

    @AssertTrue(message = "seal.device.sdf.library (and the key settings) must be configured for seal.device.type=sdf")
    public boolean isSdfConfiguredWhenChosen() {
        return type != Type.SDF || sdf != null;
    }

    public enum Type { SOFT, SDF }

    /**
     * @param keyStore    sealed key file; default {@code ${seal.data-dir}/keys/soft-device.ks}
     * @param masterKey   SM4 master key, 32 hex characters (environment {@code SEAL_MASTER_KEY}); generated into
     *                    the data directory outside production when empty
     * @param keyPassword private-key access password (environment {@code SEAL_DEVICE_PASSWORD}); generated likewise
     */
    public record Soft(
            Path keyStore,
            @Pattern(regexp = "([0-9a-fA-F]{32})?", message = "must be 32 hex characters (16-byte SM4 key)")
            String masterKey,
            String keyPassword) {

        @Override
        public String toString() {
            return "Soft[keyStore=" + keyStore + ", masterKey=" + (blank(masterKey) ? "unset" : "***")
                    + ", keyPassword=" + (blank(keyPassword) ? "unset" : "***") + "]";
        }

        static boolean blank(String s) {
            return s == null || s.isBlank();
        }
    }
}
