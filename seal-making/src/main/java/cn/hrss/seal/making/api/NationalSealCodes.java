package cn.hrss.seal.making.api;

/**
 * Completes cross-industry seals: the federation calls this when the national platform has assigned the unique
 * code (and filed the seal). The seal then gets its SES_Seal, becomes VALID and is registered with seal status.
 */
public interface NationalSealCodes {

    /**
     * @param sealId internal id of a seal in {@link SealState#AWAITING_NATIONAL_CODE}
     * @param esId   the code assigned by the national platform (IA5, at most 64 characters)
     */
    void assign(String sealId, String esId, String actor);
}
