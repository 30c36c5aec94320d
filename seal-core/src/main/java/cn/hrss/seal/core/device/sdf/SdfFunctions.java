package cn.hrss.seal.core.device.sdf;

import cn.hrss.seal.core.device.CipherDeviceException;
import com.sun.jna.Function;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A loaded SDF library: the JNA mapping, which functions it exports (probed once at startup, since vendors
 * implement different subsets), and the translation of return codes into {@link CipherDeviceException}.
 */
final class SdfFunctions {
    private static final Logger log = LoggerFactory.getLogger(SdfFunctions.class);

    /** Without these the device is useless: fail at startup. */
    private static final List<String> REQUIRED = List.of("SDF_OpenDevice", "SDF_CloseDevice", "SDF_OpenSession",
            "SDF_CloseSession", "SDF_GetDeviceInfo", "SDF_GenerateRandom", "SDF_GetPrivateKeyAccessRight",
            "SDF_ReleasePrivateKeyAccessRight", "SDF_ExportSignPublicKey_ECC", "SDF_InternalSign_ECC");
    /** Operations needing these fail with SDR_NOTSUPPORT when the library lacks them. */
    private static final List<String> OPTIONAL = List.of("SDF_ExportEncPublicKey_ECC", "SDF_InternalVerify_ECC",
            "SDF_ExternalVerify_ECC", "SDF_ExternalEncrypt_ECC", "SDF_InternalDecrypt_ECC", "SDF_GenerateKeyWithKEK",
            "SDF_ImportKeyWithKEK", "SDF_DestroyKey", "SDF_Encrypt", "SDF_Decrypt");

    private final String libraryName;
    private final SdfLibrary library;
    private final Set<String> exported;
    private final Map<String, Function> vendorFunctions;

    private SdfFunctions(String libraryName, SdfLibrary library, Set<String> exported,
                         Map<String, Function> vendorFunctions) {
        this.libraryName = libraryName;
        this.library = library;
        this.exported = exported;
        this.vendorFunctions = vendorFunctions;
    }

    /** Loads the library and probes the standard functions and the named vendor functions. */
    static SdfFunctions load(String libraryName, List<String> vendorFunctionNames) {
        NativeLibrary nativeLibrary;
        try {
            nativeLibrary = NativeLibrary.getInstance(libraryName);
        } catch (UnsatisfiedLinkError e) {
            throw new CipherDeviceException(CipherDeviceException.SDR_OPENDEVICE,
                    "cannot load SDF library " + libraryName + ": " + e.getMessage(), e);
        }
        Set<String> exported = new HashSet<>();
        List<String> missing = new ArrayList<>();
        for (String name : REQUIRED) {
            if (probe(nativeLibrary, name) != null) {
                exported.add(name);
            } else {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new CipherDeviceException(CipherDeviceException.SDR_NOTSUPPORT,
                    "SDF library " + libraryName + " lacks required functions " + missing);
        }
        for (String name : OPTIONAL) {
            if (probe(nativeLibrary, name) != null) {
                exported.add(name);
            } else {
                missing.add(name);
            }
        }
        Map<String, Function> vendor = new HashMap<>();
        for (String name : vendorFunctionNames) {
            Function f = probe(nativeLibrary, name);
            if (f != null) {
                vendor.put(name, f);
            } else {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            log.warn("SDF library {} lacks {}; operations that need them fail with SDR_NOTSUPPORT",
                    libraryName, missing);
        }
        SdfLibrary library = Native.load(libraryName, SdfLibrary.class);
        return new SdfFunctions(libraryName, library, Set.copyOf(exported), Map.copyOf(vendor));
    }

    private static Function probe(NativeLibrary library, String name) {
        try {
            return library.getFunction(name);
        } catch (UnsatisfiedLinkError e) {
            return null;
        }
    }

    /** The mapping for the functions checked at startup. */
    SdfLibrary required() {
        return library;
    }

    /** The mapping, after checking that the library exports {@code function}. */
    SdfLibrary require(String function) {
        if (!exported.contains(function)) {
            throw notSupported(function);
        }
        return library;
    }

    /** A vendor extension by its configured name. */
    Function vendor(String function, String purpose) {
        if (function == null) {
            throw new CipherDeviceException(CipherDeviceException.SDR_NOTSUPPORT,
                    "no vendor function configured to " + purpose + " on this SDF device; create keys with the"
                            + " vendor's management tool and configure them by index");
        }
        Function f = vendorFunctions.get(function);
        if (f == null) {
            throw notSupported(function);
        }
        return f;
    }

    /** Throws unless {@code rc} is SDR_OK. */
    static void check(String function, int rc) {
        if (rc != 0) {
            throw failure(function, rc);
        }
    }

    static CipherDeviceException failure(String function, int rc) {
        return new CipherDeviceException(rc, function + " failed: " + SdfReturnCodes.name(rc));
    }

    private CipherDeviceException notSupported(String function) {
        return new CipherDeviceException(CipherDeviceException.SDR_NOTSUPPORT,
                function + " is not exported by SDF library " + libraryName);
    }
}
