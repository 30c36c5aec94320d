package cn.hrss.seal.servicemgmt.api;

import cn.hrss.seal.ca.api.Tier;
import java.util.Objects;
import java.util.Set;

/**
 * One system of a trust list.
 *
 * @param certId      lower-case hex SM3 of the certificate's public key (the {@code Seal-Signer} id)
 * @param certificate DER of the system certificate
 */
public record TrustListEntry(String certId, byte[] certificate, Tier tier, String regionCode, String baseUrl,
                             Set<SystemKind> kinds, Status status) {
    public enum Status { ACTIVE, REVOKED }

    public TrustListEntry {
        Objects.requireNonNull(certId, "certId");
        certificate = certificate.clone();
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(baseUrl, "baseUrl");
        kinds = Set.copyOf(kinds);
        Objects.requireNonNull(status, "status");
    }

    @Override
    public byte[] certificate() {
        return certificate.clone();
    }
}
