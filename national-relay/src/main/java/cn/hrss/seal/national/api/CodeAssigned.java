package cn.hrss.seal.national.api;

import java.time.Instant;

/**
 * {@code seal.code-assigned/1}: the national platform's answer, relayed down to the making node by region.
 *
 * @param publicSecurityKey      the public-security SM4 key for the seal, SM2-enveloped (GM/T 0009 SM2Cipher DER,
 *                               base64) to the requester's encryption key: relays carry it without being able to open it
 * @param publicSecuritySealInfo the public-security registration of the seal (simulated: its registration number)
 */
public record CodeAssigned(String requestId, String sealId, String requesterRegion, String esId,
                           String publicSecurityKey, String publicSecuritySealInfo, Instant assignedAt) {
}
