package cn.hrss.seal.national.api;

/**
 * {@code seal.code-request/1}: a making node asks the national platform for a cross-industry seal's unique code.
 * Relayed unchanged up the tiers.
 *
 * @param requestId       the making node's id of the request; the platform assigns one code per request id
 * @param sealId          the seal waiting in AWAITING_NATIONAL_CODE at the making node
 * @param requesterRegion region code of the making node: where the answer is routed back to
 * @param unitCreditCode  unified social credit code of the seal holder
 * @param unitRegionCode  GB/T 2260 region of the seal holder (the code's region part)
 * @param requesterEncryptionKey hex of the making node's SM2 encryption public key (04||x||y): the platform
 *                        envelopes the public-security symmetric key to it, so only that node's device can open it
 */
public record CodeRequest(String requestId, String sealId, String requesterRegion, String unitCreditCode,
                          String unitRegionCode, String requesterEncryptionKey) {
}
