package cn.hrss.seal.contract;

import cn.hrss.seal.core.crypto.Sm3;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Invitation link tokens: 256 random bits, base64url without padding (43 characters). Only SM3 of the token is
 * stored, so the database alone cannot open a link; the token says nothing about the contract.
 */
final class LinkTokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");

    private LinkTokens() {
    }

    static String next() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static boolean wellFormed(String token) {
        return token != null && FORMAT.matcher(token).matches();
    }

    static String sm3(String token) {
        return Texts.hex(Sm3.hash(token.getBytes(StandardCharsets.US_ASCII)));
    }
}
