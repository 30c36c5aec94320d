package cn.hrss.seal.anchor.evm;

import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.device.KeyRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Sign;

/**
 * The node's account on the chain. EVM chains sign transactions with secp256k1, which a GM/T 0018 device does not
 * hold, so the key is generated from device randomness and stored only SM4-wrapped under a device key-encryption key;
 * the plain key lives in memory for signing, never on disk.
 */
final class ChainAccount {
    static final String KEK_LABEL = "evm-anchor-account";
    private final Credentials credentials;

    private ChainAccount(Credentials credentials) {
        this.credentials = credentials;
    }

    static ChainAccount loadOrCreate(Path wrappedKeyFile, CipherDevice device) {
        KeyRef kek = device.findKey(KEK_LABEL).orElseGet(() -> device.generateKek(KEK_LABEL));
        try {
            if (Files.exists(wrappedKeyFile)) {
                byte[] plain = device.sm4Decrypt(kek, Files.readAllBytes(wrappedKeyFile));
                try {
                    return of(new BigInteger(1, plain));
                } finally {
                    Arrays.fill(plain, (byte) 0);
                }
            }
            BigInteger secret = newSecret(device);
            byte[] plain = toBytes32(secret);
            Files.createDirectories(wrappedKeyFile.toAbsolutePath().getParent());
            Path tmp = wrappedKeyFile.resolveSibling(wrappedKeyFile.getFileName() + ".tmp");
            Files.write(tmp, device.sm4Encrypt(kek, plain), StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            Arrays.fill(plain, (byte) 0);
            restrict(tmp);
            Files.move(tmp, wrappedKeyFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return of(secret);
        } catch (IOException e) {
            throw new UncheckedIOException("chain account key " + wrappedKeyFile, e);
        }
    }

    static ChainAccount of(BigInteger secret) {
        return new ChainAccount(Credentials.create(ECKeyPair.create(secret)));
    }

    Credentials credentials() {
        return credentials;
    }

    String address() {
        return credentials.getAddress();
    }

    private static BigInteger newSecret(CipherDevice device) {
        while (true) {
            BigInteger candidate = new BigInteger(1, device.generateRandom(32));
            if (candidate.signum() > 0 && candidate.compareTo(Sign.CURVE_PARAMS.getN()) < 0) {
                return candidate;
            }
        }
    }

    private static byte[] toBytes32(BigInteger secret) {
        byte[] raw = secret.toByteArray();
        byte[] out = new byte[32];
        int n = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - n, out, 32 - n, n);
        return out;
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data directory's ACL applies
        }
    }
}
