package cn.hrss.seal.application.signing;

import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.device.KeyRef;
import cn.hrss.seal.core.device.Sm2PublicKey;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The acting user's own signing key (label {@code user:{id}} in the cipher device, made on first use): sign
 * requests, reviews, signings and authorisation grants are records signed by the person or system that acted,
 * so an approval can be proven later without trusting the database.
 */
@Component
public class UserKeys {
    private final CipherDevice device;
    private record ActorKey(KeyRef key, Sm2PublicKey publicKey) {
    }

    private final Map<String, ActorKey> keys = new ConcurrentHashMap<>();

    UserKeys(CipherDevice device) {
        this.device = device;
    }

    /** SM3withSM2 (default user ID) over the UTF-8 text with the actor's key. */
    public SignedRecord sign(String actor, String text) {
        ActorKey key = keys.computeIfAbsent(actor, a -> {
            KeyRef ref = device.findKey(label(a)).orElseGet(() -> device.generateKeyPair(label(a)));
            return new ActorKey(ref, device.exportSignPublicKey(ref));
        });
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        byte[] signature = device.sign(key.key(), Sm2.digest(key.publicKey(), bytes));
        return new SignedRecord(actor, text, Base64.getEncoder().encodeToString(signature),
                HexFormat.of().formatHex(key.publicKey().uncompressed()));
    }

    static String label(String actor) {
        return "user:" + actor;
    }

    /**
     * A record signed by its actor.
     *
     * @param signature base64 DER SM2 signature over the UTF-8 bytes of {@code text}
     * @param publicKey hex {@code 04||x||y} of the actor's key
     */
    public record SignedRecord(String actor, String text, String signature, String publicKey) {
        /** Checks the signature with the embedded public key (who the key belongs to is the node's record). */
        public boolean verifies() {
            try {
                Sm2PublicKey key = Sm2PublicKey.fromUncompressed(HexFormat.of().parseHex(publicKey));
                return Sm2.verify(key, text.getBytes(StandardCharsets.UTF_8), Base64.getDecoder().decode(signature));
            } catch (RuntimeException e) {
                return false;
            }
        }
    }
}
