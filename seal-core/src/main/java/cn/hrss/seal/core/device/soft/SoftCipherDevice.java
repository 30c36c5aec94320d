package cn.hrss.seal.core.device.soft;

import cn.hrss.seal.core.device.CipherDeviceException;
import cn.hrss.seal.core.device.DeviceInfo;
import cn.hrss.seal.core.device.DeviceSession;
import cn.hrss.seal.core.device.KeyRef;
import cn.hrss.seal.core.device.PooledCipherDevice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * Software cipher device on BouncyCastle. Keys live in a file sealed with SM4-GCM under a master key that comes
 * from the environment. For development and the embedded default only: a production deployment uses an
 * SDF cipher machine (see {@code SdfCipherDevice}).
 */
public final class SoftCipherDevice extends PooledCipherDevice {
    private static final Logger log = LoggerFactory.getLogger(SoftCipherDevice.class);

    private final SoftKeyStore store;
    private final char[] keyPassword;
    private final SecureRandom random;
    private final Path file;

    /**
     * @param keyStoreFile the sealed key file (created if missing)
     * @param masterKey    16-byte SM4 master key
     * @param keyPassword  the private-key access password (one for the whole soft device)
     */
    public SoftCipherDevice(Path keyStoreFile, byte[] masterKey, char[] keyPassword) {
        this(keyStoreFile, masterKey, keyPassword, new SecureRandom());
    }

    public SoftCipherDevice(Path keyStoreFile, byte[] masterKey, char[] keyPassword, SecureRandom random) {
        super(Math.max(4, Runtime.getRuntime().availableProcessors() * 2));
        if (keyPassword == null || keyPassword.length == 0) {
            throw new IllegalArgumentException("soft device key password must not be empty");
        }
        this.random = random;
        this.file = keyStoreFile;
        this.store = new SoftKeyStore(keyStoreFile, masterKey, random);
        this.keyPassword = keyPassword.clone();
        log.info("soft cipher device opened: {} ({} keys)", keyStoreFile, store.snapshot().size());
    }

    public static SoftCipherDevice create(SoftDeviceProperties properties) {
        return new SoftCipherDevice(properties.keyStore(), properties.masterKeyBytes(),
                properties.keyPassword().toCharArray());
    }

    @Override
    public DeviceInfo info() {
        return new DeviceInfo("HRSS seal project", "SoftCipherDevice", file.getFileName().toString(), 1, 2012);
    }

    @Override
    public DeviceSession openSession() {
        return new SoftDeviceSession(store, keyPassword, random);
    }

    @Override
    protected char[] passwordFor(KeyRef key) {
        return keyPassword;
    }

    @Override
    public KeyRef generateKeyPair(String label) {
        requireLabel(label);
        SoftKey k = store.add(SoftKey.Type.SM2, label, SoftKeyStore.newSm2Material(random));
        return new KeyRef(k.index(), k.label());
    }

    @Override
    public KeyRef generateKek(String label) {
        requireLabel(label);
        byte[] kek = new byte[16];
        random.nextBytes(kek);
        SoftKey k = store.add(SoftKey.Type.KEK, label, kek);
        return new KeyRef(k.index(), k.label());
    }

    @Override
    public Optional<KeyRef> findKey(String label) {
        SoftKey k = store.findByLabel(label);
        return k == null ? Optional.empty() : Optional.of(new KeyRef(k.index(), k.label()));
    }

    @Override
    protected void closeDevice() {
        java.util.Arrays.fill(keyPassword, '\0');
    }

    private static void requireLabel(String label) {
        if (label == null || label.isBlank() || label.length() > 200) {
            throw new CipherDeviceException(CipherDeviceException.SDR_INARGERR, "key label must be 1..200 characters");
        }
    }
}
