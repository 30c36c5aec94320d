package cn.hrss.seal.national.api;

import java.time.Instant;

/**
 * {@code seal.filing/1}: a completed cross-industry seal filed with the national platform, relayed up.
 *
 * @param sesSeal base64 of the DER GB/T 38540 SES_Seal
 */
public record Filing(String requestId, String esId, String unitCreditCode, String requesterRegion, String sesSeal,
                     Instant madeAt) {
}
