package cn.hrss.seal.core.ses;

/**
 * Obtains a time-stamp token (GB/T 20520 / RFC 3161, DER) over a signature value, for SES_Signature.timeStamp.
 * The imprint rule (SM3 of the signature value) is UNCONFIRMED; see docs/FORMATS.md.
 */
@FunctionalInterface
public interface TimeStampHook {
    byte[] timeStamp(byte[] signatureValue);
}
