package cn.hrss.seal.making.api;

import cn.hrss.seal.core.device.KeyRef;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A made seal as a signer needs it: the seal key in this node's cipher device (server-hosted seals only), the seal
 * certificate and the GB/T 38540 SES_Seal, plus what signing records and reports name. The making-side state is
 * informational: signers must ask seal status (the authority on revocation) before they sign.
 *
 * @param deviceKey   the seal key in the cipher device; empty for a USBKey seal, whose key only its holder has
 * @param certificate DER X.509 seal certificate
 * @param sesSeal     DER SES_Seal
 */
public record SigningSeal(String esId, String sealName, String sealType, String unitName, String unitCreditCode,
                          String unitRegionCode, SealScope scope, SealState state, Delivery delivery,
                          Optional<KeyRef> deviceKey, byte[] certificate, byte[] sesSeal, Instant validFrom,
                          Instant validTo) {
    public SigningSeal {
        Objects.requireNonNull(esId, "esId");
        Objects.requireNonNull(deviceKey, "deviceKey");
        certificate = certificate.clone();
        sesSeal = sesSeal.clone();
    }

    @Override
    public byte[] certificate() {
        return certificate.clone();
    }

    @Override
    public byte[] sesSeal() {
        return sesSeal.clone();
    }
}
