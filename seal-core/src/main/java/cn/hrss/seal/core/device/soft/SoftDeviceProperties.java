package cn.hrss.seal.core.device.soft;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.nio.file.Path;
import java.util.HexFormat;

/**
 * Configuration of the soft device.
 *
 * @param keyStore    sealed key file
 * @param masterKey   SM4 master key as 32 hex characters; supply it from the environment (SEAL_MASTER_KEY)
 * @param keyPassword private-key access password
 */
public record SoftDeviceProperties(
        @NotNull Path keyStore,
        @NotBlank @Pattern(regexp = "[0-9a-fA-F]{32}", message = "must be 32 hex characters (16-byte SM4 key)")
        String masterKey,
        @NotBlank String keyPassword) {

    public byte[] masterKeyBytes() {
        return HexFormat.of().parseHex(masterKey);
    }

    @Override
    public String toString() {
        return "SoftDeviceProperties[keyStore=" + keyStore + ", masterKey=***, keyPassword=***]";
    }
}
