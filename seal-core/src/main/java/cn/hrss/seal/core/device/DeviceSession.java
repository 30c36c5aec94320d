package cn.hrss.seal.core.device;

/**
 * One GM/T 0018 session. Private-key access rights are per session, as in SDF.
 * Not thread-safe: one thread uses a session at a time.
 */
public interface DeviceSession extends AutoCloseable {

    byte[] generateRandom(int length);

    /** SDF_GetPrivateKeyAccessRight. */
    void getPrivateKeyAccessRight(KeyRef key, char[] password);

    /** SDF_ReleasePrivateKeyAccessRight. */
    void releasePrivateKeyAccessRight(KeyRef key);

    /** SDF_ExportSignPublicKey_ECC. */
    Sm2PublicKey exportSignPublicKey(KeyRef key);

    /** SDF_ExportEncPublicKey_ECC. */
    Sm2PublicKey exportEncPublicKey(KeyRef key);

    /** SDF_InternalSign_ECC over a 32-byte digest; returns DER SM2Signature. Needs the access right. */
    byte[] internalSign(KeyRef key, byte[] digest);

    /** SDF_InternalVerify_ECC. */
    boolean internalVerify(KeyRef key, byte[] digest, byte[] derSignature);

    /** SDF_ExternalVerify_ECC. */
    boolean externalVerify(Sm2PublicKey publicKey, byte[] digest, byte[] derSignature);

    /** SDF_ExternalEncrypt_ECC; returns GM/T 0009 SM2Cipher DER. */
    byte[] externalEncrypt(Sm2PublicKey publicKey, byte[] plaintext);

    /** SDF_InternalDecrypt_ECC with the key's encryption key pair. Needs the access right. */
    byte[] internalDecrypt(KeyRef key, byte[] sm2Cipher);

    /** SDF_GenerateKeyWithKEK: a new SM4 session key, returned with its KEK-wrapped form. */
    SessionKey generateKeyWithKek(KeyRef kek);

    /** SDF_ImportKeyWithKEK. */
    SessionKey importKeyWithKek(KeyRef kek, byte[] wrappedKey);

    /** SDF_Encrypt; no padding, so data length must be a multiple of 16. */
    byte[] encrypt(SessionKey key, SymmetricMode mode, byte[] iv, byte[] data);

    /** SDF_Decrypt; no padding. */
    byte[] decrypt(SessionKey key, SymmetricMode mode, byte[] iv, byte[] data);

    /** SDF_DestroyKey. */
    void destroyKey(SessionKey key);

    @Override
    void close();
}
