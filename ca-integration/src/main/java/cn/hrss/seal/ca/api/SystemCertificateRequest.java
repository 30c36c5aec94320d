package cn.hrss.seal.ca.api;

import cn.hrss.seal.core.device.Sm2PublicKey;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A system certificate for a seal making or status system (or a node) at a tier and region.
 *
 * @param systemName   becomes the subject CN
 * @param organisation the operating organisation, subject O
 * @param regionCode   six-digit GB/T 2260 code
 */
public record SystemCertificateRequest(String systemName, String organisation, Tier tier, String regionCode,
                                       Sm2PublicKey publicKey) {
    private static final Pattern REGION = Pattern.compile("\\d{6}");

    public SystemCertificateRequest {
        requireText(systemName, "systemName");
        requireText(organisation, "organisation");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(publicKey, "publicKey");
        if (regionCode == null || !REGION.matcher(regionCode).matches()) {
            throw new IllegalArgumentException("regionCode must be six digits");
        }
    }

    static void requireText(String value, String name) {
        if (value == null || value.isBlank() || value.length() > 128) {
            throw new IllegalArgumentException(name + " must be 1..128 characters");
        }
    }
}
