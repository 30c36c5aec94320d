package cn.hrss.seal.accounts.session;

import cn.hrss.seal.core.crypto.Sm3;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A random 32-byte bearer secret (session token or API client secret), written as unpadded base64url. Only its
 * SM3 hash is stored: the secret has 256 bits of entropy, so a fast hash is enough and a stolen table reveals no
 * usable token.
 */
public final class OpaqueToken {
    private static final int BYTES = 32;
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final String value;

    private OpaqueToken(String value) {
        this.value = value;
    }

    public static OpaqueToken generate(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return new OpaqueToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** Accepts only the exact format, so garbage never reaches the database. */
    public static Optional<OpaqueToken> parse(String text) {
        return text != null && FORMAT.matcher(text).matches() ? Optional.of(new OpaqueToken(text)) : Optional.empty();
    }

    public String value() {
        return value;
    }

    /** Hex SM3 of the token text: the database key. */
    public String hash() {
        return HexFormat.of().formatHex(Sm3.hash(value.getBytes(StandardCharsets.US_ASCII)));
    }

    /** Constant-time comparison against a stored hash. */
    public boolean matches(String storedHash) {
        return storedHash != null && MessageDigest.isEqual(hash().getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "OpaqueToken[***]";
    }
}
