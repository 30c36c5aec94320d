package cn.hrss.seal.national.api;

import java.time.Instant;

/**
 * {@code seal.code-assigned/1}: the national platform's answer, relayed down to the making node by region.
 *
 * @param publicSecurityKeyId identifies the public-security symmetric key the platform registered for the seal
 *                            (simulated: an opaque id, no key material travels in this message)
 */
public record CodeAssigned(String requestId, String sealId, String requesterRegion, String esId,
                           String publicSecurityKeyId, Instant assignedAt) {
}
