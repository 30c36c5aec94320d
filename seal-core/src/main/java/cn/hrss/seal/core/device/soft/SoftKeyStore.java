package cn.hrss.seal.core.device.soft;

import cn.hrss.seal.core.crypto.Sm4Gcm;
import cn.hrss.seal.core.device.CipherDeviceException;
import org.bouncycastle.crypto.InvalidCipherTextException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The soft device's key file: a header followed by append-only records, each sealed on its own with SM4-GCM under
 * the master key (AAD = header), so adding a key never rewrites existing ones and a flipped bit is detected.
 * Record plaintext: type, index, label, key material.
 */
final class SoftKeyStore {
    static final byte[] MAGIC = "HRSSKS01".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_RECORD = 4096;

    private final Path file;
    private final byte[] masterKey;
    private final SecureRandom random;
    private final Map<Integer, SoftKey> keys = new LinkedHashMap<>();

    SoftKeyStore(Path file, byte[] masterKey, SecureRandom random) {
        if (masterKey == null || masterKey.length != 16) {
            throw new IllegalArgumentException("soft device master key must be 16 bytes (SM4)");
        }
        this.file = file;
        this.masterKey = masterKey.clone();
        this.random = random;
        load();
    }

    synchronized Map<Integer, SoftKey> snapshot() {
        return Map.copyOf(keys);
    }

    synchronized SoftKey get(int index) {
        SoftKey k = keys.get(index);
        if (k == null) {
            throw new CipherDeviceException(CipherDeviceException.SDR_KEYNOTEXIST, "no key at index " + index);
        }
        return k;
    }

    synchronized SoftKey findByLabel(String label) {
        for (SoftKey k : keys.values()) {
            if (k.label().equals(label)) {
                return k;
            }
        }
        return null;
    }

    synchronized SoftKey add(SoftKey.Type type, String label, byte[] material) {
        int index = keys.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        SoftKey key = SoftKey.create(type, index, label, material);
        append(key);
        keys.put(index, key);
        return key;
    }

    private void load() {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.write(file, MAGIC, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                restrictPermissions();
                return;
            }
            byte[] all = Files.readAllBytes(file);
            if (all.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(all, MAGIC.length), MAGIC)) {
                throw new CipherDeviceException(CipherDeviceException.SDR_OPENDEVICE, "not a soft key store: " + file);
            }
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(all, MAGIC.length, all.length));
            while (true) {
                int len;
                try {
                    len = in.readInt();
                } catch (EOFException eof) {
                    break;
                }
                if (len <= 0 || len > MAX_RECORD) {
                    throw new CipherDeviceException(CipherDeviceException.SDR_OPENDEVICE, "corrupt key store record");
                }
                byte[] sealed = new byte[len];
                in.readFully(sealed);
                SoftKey key = decode(Sm4Gcm.open(masterKey, sealed, MAGIC));
                keys.put(key.index(), key);
            }
        } catch (InvalidCipherTextException e) {
            throw new CipherDeviceException(CipherDeviceException.SDR_OPENDEVICE,
                    "key store cannot be opened with this master key, or it was altered: " + file, e);
        } catch (IOException e) {
            throw new CipherDeviceException(CipherDeviceException.SDR_OPENDEVICE, "cannot read key store " + file, e);
        }
    }

    private void append(SoftKey key) {
        byte[] sealed = Sm4Gcm.seal(masterKey, encode(key), MAGIC, random);
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.APPEND, StandardOpenOption.SYNC)) {
            DataOutputStream d = new DataOutputStream(out);
            d.writeInt(sealed.length);
            d.write(sealed);
            d.flush();
        } catch (IOException e) {
            throw new CipherDeviceException(CipherDeviceException.SDR_UNKNOWERR, "cannot write key store " + file, e);
        }
    }

    private void restrictPermissions() {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException ignored) {
            // not a POSIX file system: the operator protects the file
        }
    }

    private static byte[] encode(SoftKey key) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(1);
            out.writeByte(key.type().ordinal());
            out.writeInt(key.index());
            out.writeUTF(key.label());
            byte[] m = key.material();
            out.writeShort(m.length);
            out.write(m);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    private static SoftKey decode(byte[] plain) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain));
        if (in.readByte() != 1) {
            throw new IOException("unknown key record version");
        }
        SoftKey.Type type = SoftKey.Type.values()[in.readByte()];
        int index = in.readInt();
        String label = in.readUTF();
        byte[] m = new byte[in.readUnsignedShort()];
        in.readFully(m);
        return SoftKey.create(type, index, label, m);
    }

    static byte[] newSm2Material(SecureRandom random) {
        byte[] out = new byte[64];
        System.arraycopy(SoftKey.randomScalar(random), 0, out, 0, 32);
        System.arraycopy(SoftKey.randomScalar(random), 0, out, 32, 32);
        return out;
    }

    static BigInteger scalar(byte[] material, int offset) {
        return new BigInteger(1, Arrays.copyOfRange(material, offset, offset + 32));
    }
}
