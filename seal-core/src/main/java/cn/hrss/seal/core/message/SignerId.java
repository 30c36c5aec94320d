package cn.hrss.seal.core.message;

import cn.hrss.seal.core.crypto.Sm3;
import cn.hrss.seal.core.device.Sm2PublicKey;

import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/** The id of a signing node's certificate: lower-case hex SM3 of its SM2 public key {@code 04||x||y}. */
public record SignerId(String hex) {
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    public SignerId {
        Objects.requireNonNull(hex, "hex");
        if (!HEX64.matcher(hex).matches()) {
            throw new IllegalArgumentException("signer id must be 64 lower-case hex digits");
        }
    }

    public static SignerId of(Sm2PublicKey publicKey) {
        return new SignerId(HexFormat.of().formatHex(Sm3.hash(publicKey.uncompressed())));
    }

    @Override
    public String toString() {
        return hex;
    }
}
