package cn.hrss.seal.core.device;

/**
 * A cryptographic device in the vocabulary of GM/T 0018 (SDF). Every private key of the system lives behind
 * this interface: seal root, system keys, seal keys, OCSP/TSA keys, audit key and key-encryption keys.
 *
 * <p>Callers normally use the pooled convenience operations ({@link #sign}, {@link #exportSignPublicKey}, ...),
 * which borrow a session that already holds the private-key access right granted with the configured password.
 * {@link #openSession()} gives a raw session for callers that manage access rights themselves.
 *
 * <p>SM2 signing takes the 32-byte digest {@code e = SM3(Z_A || M)}; Z_A is computed outside the device
 * (see {@link cn.hrss.seal.core.crypto.Sm2}).
 */
public interface CipherDevice extends AutoCloseable {

    /** What the device says about itself (GM/T 0018 DEVICEINFO subset). */
    DeviceInfo info();

    /** Opens a new session; the caller must close it. */
    DeviceSession openSession();

    /** Signs a 32-byte digest with the key's signing private key; returns a DER SM2Signature. */
    byte[] sign(KeyRef key, byte[] digest);

    /** Verifies a DER SM2Signature over a 32-byte digest with the key's signing public key. */
    boolean verify(KeyRef key, byte[] digest, byte[] derSignature);

    /** Exports the signing public key of a key. */
    Sm2PublicKey exportSignPublicKey(KeyRef key);

    /** Exports the encryption public key of a key. */
    Sm2PublicKey exportEncPublicKey(KeyRef key);

    /**
     * Generates a new SM2 signing and encryption key pair inside the device and returns its reference.
     * The label is the caller's name for it; the device assigns the index.
     */
    KeyRef generateKeyPair(String label);

    /** Finds a key by label. */
    java.util.Optional<KeyRef> findKey(String label);

    /** Decrypts an SM2 ciphertext (GM/T 0009 SM2Cipher DER) with the key's encryption private key. */
    byte[] decrypt(KeyRef key, byte[] sm2Cipher);

    /** Encrypts with an external SM2 public key; returns GM/T 0009 SM2Cipher DER. */
    byte[] encrypt(Sm2PublicKey publicKey, byte[] plaintext);

    /** Encrypts with SM4 under the key-encryption key {@code kek}; output is self-describing (IV + ciphertext). */
    byte[] sm4Encrypt(KeyRef kek, byte[] plaintext);

    /** Reverses {@link #sm4Encrypt}. */
    byte[] sm4Decrypt(KeyRef kek, byte[] ciphertext);

    /** Generates an SM4 key-encryption key inside the device. */
    KeyRef generateKek(String label);

    /** Random bytes from the device's generator. */
    byte[] generateRandom(int length);

    @Override
    void close();
}
