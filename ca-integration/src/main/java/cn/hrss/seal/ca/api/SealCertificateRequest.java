package cn.hrss.seal.ca.api;

import cn.hrss.seal.core.device.Sm2PublicKey;
import cn.hrss.seal.core.identity.UnifiedCreditCode;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The certificate of one seal.
 *
 * @param esId           the seal's unique code, carried in the seal-source extension
 * @param unitCreditCode unified social credit code (GB 32100) of the seal holder
 * @param makingSystem   name of the seal making system that made the seal
 */
public record SealCertificateRequest(String esId, String sealName, String unitName,
                                     UnifiedCreditCode unitCreditCode, String makingSystem, Sm2PublicKey publicKey) {
    private static final Pattern ES_ID = Pattern.compile("[0-9A-Za-z]{1,64}");

    public SealCertificateRequest {
        if (esId == null || !ES_ID.matcher(esId).matches()) {
            throw new IllegalArgumentException("esId must be 1..64 letters or digits");
        }
        SystemCertificateRequest.requireText(sealName, "sealName");
        SystemCertificateRequest.requireText(unitName, "unitName");
        SystemCertificateRequest.requireText(makingSystem, "makingSystem");
        Objects.requireNonNull(unitCreditCode, "unitCreditCode");
        Objects.requireNonNull(publicKey, "publicKey");
    }
}
