package cn.hrss.seal.core.pii;

import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.device.CipherDeviceException;
import cn.hrss.seal.core.device.DeviceSession;
import cn.hrss.seal.core.device.KeyRef;
import cn.hrss.seal.core.device.SessionKey;
import cn.hrss.seal.core.device.SymmetricMode;
import cn.hrss.seal.core.error.SealException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Encrypts personal data at rest under an SM4 key-encryption key that never leaves the cipher device, and makes
 * the blind index and masked form stored beside it.
 *
 * <p>Sealed layout: {@code version(1) || kind tag(1) || device SM4 ciphertext || HMAC-SM3(macKey, all before)}.
 * The device's {@code sm4Encrypt} authenticates its own ciphertext; the outer MAC binds the version and kind tag
 * to it, so a sealed ID number cannot be passed off as a phone number.
 *
 * <p>The MAC and blind-index keys are derived through the device, so they follow the KEK (a new KEK means new
 * indexes) and nothing but the device holds long-term secrets: a fixed 16-byte label is imported as if it were a
 * KEK-wrapped session key ({@code SDF_ImportKeyWithKEK}), which yields {@code SM4-Dec(KEK, label)}, and that
 * session key encrypts two constant blocks (SM4-ECB) into a 32-byte key. Only those derived keys live in memory.
 */
public final class PersonalDataProtector {
    /** Default label of the KEK in the device. */
    public static final String DEFAULT_KEK_LABEL = "pii-kek";
    /** Error code for a sealed value that fails its MAC or is malformed. */
    public static final String PERSONAL_DATA_TAMPERED = "PERSONAL_DATA_TAMPERED";
    /** Error code for a value that passed its MAC but the device could not decrypt (device or key problem). */
    public static final String PERSONAL_DATA_UNAVAILABLE = "PERSONAL_DATA_UNAVAILABLE";

    private static final byte VERSION = 1;
    private static final int MAC_LENGTH = 32;
    private static final byte[] MAC_KEY_LABEL = "hrss.pii.mac.v1!".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INDEX_KEY_LABEL = "hrss.pii.idx.v1!".getBytes(StandardCharsets.US_ASCII);

    private final CipherDevice device;
    private final KeyRef kek;
    private final byte[] macKey;
    private final byte[] indexKey;

    private PersonalDataProtector(CipherDevice device, KeyRef kek) {
        this.device = device;
        this.kek = kek;
        this.macKey = deriveKey(device, kek, MAC_KEY_LABEL);
        this.indexKey = deriveKey(device, kek, INDEX_KEY_LABEL);
    }

    /** Uses the given KEK. */
    public static PersonalDataProtector withKek(CipherDevice device, KeyRef kek) {
        return new PersonalDataProtector(Objects.requireNonNull(device, "device"), Objects.requireNonNull(kek, "kek"));
    }

    /**
     * Uses the KEK with this label, generating it on first use. In production the KEK should be made in a key
     * ceremony; two nodes generating concurrently on one shared device would make two KEKs with the same label.
     */
    public static PersonalDataProtector forLabel(CipherDevice device, String kekLabel) {
        KeyRef kek = device.findKey(kekLabel).orElseGet(() -> device.generateKek(kekLabel));
        return withKek(device, kek);
    }

    /** Validates and normalises the value, then seals, indexes and masks it. */
    public ProtectedValue protect(PersonalDataKind kind, String value) {
        String normalised = kind.normalise(value);
        byte[] plain = normalised.getBytes(StandardCharsets.UTF_8);
        byte[] ct = device.sm4Encrypt(kek, plain);
        byte[] sealed = new byte[2 + ct.length + MAC_LENGTH];
        sealed[0] = VERSION;
        sealed[1] = kind.tag();
        System.arraycopy(ct, 0, sealed, 2, ct.length);
        byte[] mac = hmac(macKey, sealed, 0, 2 + ct.length);
        System.arraycopy(mac, 0, sealed, 2 + ct.length, MAC_LENGTH);
        return new ProtectedValue(sealed, blindIndexOfNormalised(kind, normalised), kind.mask(normalised));
    }

    /** Checks the MAC and kind, then decrypts. */
    public String reveal(PersonalDataKind kind, byte[] sealed) {
        if (sealed == null || sealed.length < 2 + 1 + MAC_LENGTH || sealed[0] != VERSION) {
            throw tampered("sealed personal data is malformed or of an unknown version");
        }
        int bodyLength = sealed.length - MAC_LENGTH;
        byte[] expected = hmac(macKey, sealed, 0, bodyLength);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(sealed, bodyLength, sealed.length))) {
            throw tampered("sealed personal data failed its integrity check");
        }
        if (PersonalDataKind.ofTag(sealed[1]) != kind) {
            throw tampered("sealed personal data is of another kind than " + kind);
        }
        try {
            return new String(device.sm4Decrypt(kek, Arrays.copyOfRange(sealed, 2, bodyLength)), StandardCharsets.UTF_8);
        } catch (CipherDeviceException e) {
            // the MAC matched, so this is a device or key problem rather than tampering
            throw new SealException(PERSONAL_DATA_UNAVAILABLE, 500, "personal data could not be decrypted",
                    java.util.Map.of(), e);
        }
    }

    /** The blind index of a value: hex HMAC-SM3 over kind tag and normalised value. Stable for a given KEK. */
    public String blindIndex(PersonalDataKind kind, String value) {
        return blindIndexOfNormalised(kind, kind.normalise(value));
    }

    /**
     * A keyed pseudonym: hex HMAC-SM3 under the blind-index key over {@code context 0x00 value}. Unlike a plain hash
     * it cannot be reversed by trying likely values (client ids, user names) without the device; the context keeps
     * pseudonyms of different uses apart.
     */
    public String pseudonym(String context, String value) {
        byte[] input = (context + '\0' + value).getBytes(StandardCharsets.UTF_8);
        return HexFormat.of().formatHex(hmac(indexKey, input, 0, input.length));
    }

    public KeyRef kek() {
        return kek;
    }

    private String blindIndexOfNormalised(PersonalDataKind kind, String normalised) {
        byte[] v = normalised.getBytes(StandardCharsets.UTF_8);
        byte[] input = new byte[1 + v.length];
        input[0] = kind.tag();
        System.arraycopy(v, 0, input, 1, v.length);
        return HexFormat.of().formatHex(hmac(indexKey, input, 0, input.length));
    }

    private static byte[] hmac(byte[] key, byte[] data, int off, int len) {
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(key));
        mac.update(data, off, len);
        byte[] out = new byte[MAC_LENGTH];
        mac.doFinal(out, 0);
        return out;
    }

    private static byte[] deriveKey(CipherDevice device, KeyRef kek, byte[] label) {
        byte[] blocks = new byte[32];
        Arrays.fill(blocks, 16, 32, (byte) 1);
        try (DeviceSession session = device.openSession()) {
            SessionKey derivation = session.importKeyWithKek(kek, label);
            try {
                return session.encrypt(derivation, SymmetricMode.SM4_ECB, null, blocks);
            } finally {
                session.destroyKey(derivation);
            }
        }
    }

    private static SealException tampered(String message) {
        return new SealException(PERSONAL_DATA_TAMPERED, 500, message);
    }
}
