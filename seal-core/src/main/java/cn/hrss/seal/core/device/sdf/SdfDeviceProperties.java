package cn.hrss.seal.core.device.sdf;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.util.Map;

/**
 * Configuration of a GM/T 0018 cipher device (suggested prefix {@code seal.device.sdf}).
 *
 * @param library              path (or name on the library path) of the vendor's SDF shared library
 * @param keys                 keys created with the vendor's management tool: label -> index and access password
 * @param generatedKeyIndexes  the index range where {@code generateKeyPair}/{@code generateKek} may create keys
 * @param generatedKeyPassword private-key access password given to generated key pairs
 * @param vendorFunctions      names of the vendor's key-creation functions; absent when the device has none
 * @param maxIdleSessions      sessions kept open in the pool (default 8)
 */
public record SdfDeviceProperties(
        @NotBlank String library,
        @NotNull Map<@NotBlank String, @Valid @NotNull NamedKey> keys,
        @NotNull @Valid IndexRange generatedKeyIndexes,
        @Size(min = 1, max = 128) String generatedKeyPassword,
        @NotNull @Valid VendorFunctions vendorFunctions,
        @NotNull @Positive @Max(1024) Integer maxIdleSessions) {

    public SdfDeviceProperties {
        keys = keys == null ? Map.of() : Map.copyOf(keys);
        vendorFunctions = vendorFunctions == null ? VendorFunctions.NONE : vendorFunctions;
        maxIdleSessions = maxIdleSessions == null ? 8 : maxIdleSessions;
    }

    /** A key that exists on the device; the password is needed for SM2 key pairs, not for KEKs. */
    public record NamedKey(@Positive int index, @Size(min = 1, max = 128) String password) {
        @Override
        public String toString() {
            return "NamedKey[index=" + index + ", password=***]";
        }
    }

    /** Inclusive range of key indexes. */
    public record IndexRange(@Positive int first, @Positive int last) {
        @AssertTrue(message = "first must not be greater than last")
        public boolean isOrdered() {
            return first <= last;
        }

        public boolean contains(int index) {
            return index >= first && index <= last;
        }
    }

    /**
     * Vendor extensions standing in for the management tool. Each must have the signature of the test library's
     * {@code SDFX_GenerateKeyPairAtFreeIndex_ECC} / {@code SDFX_GenerateKEKAtFreeIndex} (see docs/SDF.md); a
     * vendor without them gets SDR_NOTSUPPORT from key generation.
     */
    public record VendorFunctions(
            @Pattern(regexp = "[A-Za-z_][A-Za-z0-9_]*") String generateKeyPair,
            @Pattern(regexp = "[A-Za-z_][A-Za-z0-9_]*") String generateKek) {
        public static final VendorFunctions NONE = new VendorFunctions(null, null);
        /** The functions of the test library built from src/main/c. */
        public static final VendorFunctions TEST_LIBRARY =
                new VendorFunctions("SDFX_GenerateKeyPairAtFreeIndex_ECC", "SDFX_GenerateKEKAtFreeIndex");
    }

    @Override
    public String toString() {
        return "SdfDeviceProperties[library=" + library + ", keys=" + keys + ", generatedKeyIndexes="
                + generatedKeyIndexes + ", generatedKeyPassword=***, vendorFunctions=" + vendorFunctions
                + ", maxIdleSessions=" + maxIdleSessions + "]";
    }
}
