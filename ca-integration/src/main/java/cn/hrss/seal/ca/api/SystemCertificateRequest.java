package cn.hrss.seal.ca.api;

import cn.hrss.seal.core.device.Sm2PublicKey;
import cn.hrss.seal.core.identity.AdministrativeRegionCode;

import java.util.Objects;

/**
 * A system certificate for a seal making or status system (or a node) at a tier and region.
 *
 * @param systemName   becomes the subject CN
 * @param organisation the operating organisation, subject O
 * @param region       where the system serves
 */
public record SystemCertificateRequest(String systemName, String organisation, Tier tier,
                                       AdministrativeRegionCode region, Sm2PublicKey publicKey) {
    public SystemCertificateRequest {
        requireText(systemName, "systemName");
        requireText(organisation, "organisation");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(publicKey, "publicKey");
    }

    static void requireText(String value, String name) {
        if (value == null || value.isBlank() || value.length() > 128) {
            throw new IllegalArgumentException(name + " must be 1..128 characters");
        }
    }
}
