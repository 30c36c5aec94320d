package cn.hrss.seal.making.port;

/** Checks of the identifiers an application carries (check characters, not just shape). */
public interface IdentifierRules {

    /** Unified social credit code, GB 32100 (18 characters, check character). */
    boolean isCreditCode(String value);

    /** Administrative division code, GB/T 2260 (6 digits). */
    boolean isRegionCode(String value);

    /** Citizen identity number, GB 11643 (18 characters, ISO 7064 MOD 11-2 check). */
    boolean isCitizenIdNumber(String value);

    /** Mainland mobile phone number. */
    boolean isMobilePhone(String value);
}
