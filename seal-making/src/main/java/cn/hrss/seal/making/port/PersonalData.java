package cn.hrss.seal.making.port;

/**
 * Protection of personal data at rest (SM4 under a key in the cipher device) and its masked form for display and
 * logs. The kind is bound into the sealed value, so a phone ciphertext cannot pass for an ID number.
 */
public interface PersonalData {

    enum Kind {
        CITIZEN_ID,
        MOBILE_NUMBER
    }

    /** What is stored for one value: the sealed bytes and the masked text (e.g. {@code 110105********123X}). */
    record Protected(byte[] sealed, String masked) {
        public Protected {
            sealed = sealed.clone();
        }

        @Override
        public byte[] sealed() {
            return sealed.clone();
        }
    }

    Protected protect(Kind kind, String value);

    String reveal(Kind kind, byte[] sealed);
}
