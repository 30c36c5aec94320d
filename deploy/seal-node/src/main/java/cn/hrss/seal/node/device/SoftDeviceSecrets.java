package cn.hrss.seal.node.device;

import cn.hrss.seal.core.device.soft.SoftDeviceProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Finds the soft device's master key and key password: from configuration (the environment) when given; otherwise,
 * outside production only, from files in {@code DATA/keys/} that the first start generates with owner-only access.
 * A master key lying next to the key store it seals protects nothing, hence development only.
 */
final class SoftDeviceSecrets {
    private static final Logger log = LoggerFactory.getLogger(SoftDeviceSecrets.class);
    static final String MASTER_KEY_FILE = "master.key";
    static final String PASSWORD_FILE = "device.password";
    private static final Pattern HEX_KEY = Pattern.compile("[0-9a-fA-F]{32}");

    private final Path keysDir;
    private final SecureRandom random;

    SoftDeviceSecrets(Path keysDir, SecureRandom random) {
        this.keysDir = keysDir;
        this.random = random;
    }

    SoftDeviceProperties resolve(DeviceProperties.Soft soft, boolean production) {
        Path keyStore = soft.keyStore() != null ? soft.keyStore() : keysDir.resolve("soft-device.ks");
        String masterKey = secret(soft.masterKey(), "SEAL_MASTER_KEY", MASTER_KEY_FILE, production,
                () -> HexFormat.of().formatHex(bytes(16)));
        if (!HEX_KEY.matcher(masterKey).matches()) {
            throw new IllegalStateException(keysDir.resolve(MASTER_KEY_FILE) + " does not hold 32 hex characters");
        }
        String password = secret(soft.keyPassword(), "SEAL_DEVICE_PASSWORD", PASSWORD_FILE, production,
                () -> Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(18)));
        return new SoftDeviceProperties(keyStore, masterKey, password);
    }

    private String secret(String configured, String variable, String fileName, boolean production,
                          Supplier<String> generator) {
        if (!DeviceProperties.Soft.blank(configured)) {
            return configured.trim();
        }
        if (production) {
            throw new IllegalStateException(variable + " must be set when the production profile is active;"
                    + " the soft device does not keep its secrets on disk in production");
        }
        Path file = keysDir.resolve(fileName);
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).trim();
            }
            String value = generator.get();
            writeOwnerOnly(file, value);
            log.warn("{} is not set: generated {} for DEVELOPMENT ONLY. Anyone who can read the data directory can"
                    + " open the key store; set {} from a secret store in production.", variable, file, variable);
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }

    private static void writeOwnerOnly(Path file, String value) throws IOException {
        Files.createDirectories(file.getParent());
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("created concurrently by another process: " + file, e);
        }
        Files.writeString(file, value, StandardCharsets.US_ASCII);
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
