package cn.hrss.seal.core.identity;

import cn.hrss.seal.core.error.SealException;

import java.util.Map;

/**
 * An identifier failed validation. The code says which kind of identifier (stable, for clients), the message
 * names the rule that failed. The offending value is deliberately not echoed: identifiers can be personal data.
 */
public final class InvalidIdentifierException extends SealException {
    public static final String INVALID_CREDIT_CODE = "INVALID_CREDIT_CODE";
    public static final String INVALID_ORGANIZATION_CODE = "INVALID_ORGANIZATION_CODE";
    public static final String INVALID_REGION_CODE = "INVALID_REGION_CODE";
    public static final String INVALID_CITIZEN_ID = "INVALID_CITIZEN_ID";
    public static final String INVALID_MOBILE_NUMBER = "INVALID_MOBILE_NUMBER";
    public static final String INVALID_LANDLINE_NUMBER = "INVALID_LANDLINE_NUMBER";

    private final String rule;

    InvalidIdentifierException(String code, String rule, String message) {
        super(code, 400, message, Map.of("rule", rule), null);
        this.rule = rule;
    }

    /** Short machine-readable name of the rule that failed, e.g. {@code check-character}. */
    public String rule() {
        return rule;
    }
}
