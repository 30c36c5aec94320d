package cn.hrss.seal.core.pii;

import cn.hrss.seal.core.identity.CitizenIdNumber;
import cn.hrss.seal.core.identity.MobileNumber;

import java.util.function.UnaryOperator;

/**
 * The kinds of personal data kept encrypted. The kind is bound into ciphertext and blind index (its tag), so a
 * phone ciphertext cannot be passed off as an ID number and equal strings of different kinds index differently.
 * Values are normalised (validated) before encryption and indexing, so lookups match however the value was typed.
 */
public enum PersonalDataKind {
    CITIZEN_ID((byte) 1, v -> CitizenIdNumber.parse(v).value(), Masking::citizenId),
    MOBILE_NUMBER((byte) 2, v -> MobileNumber.parse(v).value(), Masking::mobile);

    private final byte tag;
    private final UnaryOperator<String> normaliser;
    private final UnaryOperator<String> masker;

    PersonalDataKind(byte tag, UnaryOperator<String> normaliser, UnaryOperator<String> masker) {
        this.tag = tag;
        this.normaliser = normaliser;
        this.masker = masker;
    }

    byte tag() {
        return tag;
    }

    /** The canonical form; throws {@link cn.hrss.seal.core.identity.InvalidIdentifierException} if invalid. */
    String normalise(String value) {
        return normaliser.apply(value);
    }

    String mask(String normalised) {
        return masker.apply(normalised);
    }

    static PersonalDataKind ofTag(byte tag) {
        for (PersonalDataKind k : values()) {
            if (k.tag == tag) {
                return k;
            }
        }
        return null;
    }
}
