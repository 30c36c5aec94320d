package cn.hrss.seal.making.port;

/** Protection of personal data at rest (SM4 under a key in the cipher device) and masking for display and logs. */
public interface PersonalData {

    byte[] encrypt(String value);

    String decrypt(byte[] ciphertext);

    /** Masks a citizen ID number, e.g. {@code 110105********123X}. */
    String maskIdNumber(String value);

    /** Masks a phone number, e.g. {@code 138****5678}. */
    String maskPhone(String value);
}
