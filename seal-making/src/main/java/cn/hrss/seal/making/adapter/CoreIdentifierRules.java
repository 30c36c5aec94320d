package cn.hrss.seal.making.adapter;

import cn.hrss.seal.core.identity.AdministrativeRegionCode;
import cn.hrss.seal.core.identity.CitizenIdNumber;
import cn.hrss.seal.core.identity.InvalidIdentifierException;
import cn.hrss.seal.core.identity.MobileNumber;
import cn.hrss.seal.core.identity.UnifiedCreditCode;
import cn.hrss.seal.making.port.IdentifierRules;

import java.util.function.Consumer;

/**
 * {@link IdentifierRules} over seal-core's identity classes. The stored forms must be canonical already, so a value
 * passes only if it is exactly its canonical form (no lower case, spaces or +86 prefixes in the database).
 */
public final class CoreIdentifierRules implements IdentifierRules {

    @Override
    public boolean isCreditCode(String value) {
        return canonical(value, v -> {
            if (!UnifiedCreditCode.parse(v).value().equals(v)) {
                throw new IllegalArgumentException();
            }
        });
    }

    @Override
    public boolean isRegionCode(String value) {
        return canonical(value, AdministrativeRegionCode::parse);
    }

    @Override
    public boolean isCitizenIdNumber(String value) {
        return canonical(value, v -> {
            if (!CitizenIdNumber.parse(v).value().equals(v)) {
                throw new IllegalArgumentException();
            }
        });
    }

    @Override
    public boolean isMobilePhone(String value) {
        return canonical(value, v -> {
            if (!MobileNumber.parse(v).value().equals(v)) {
                throw new IllegalArgumentException();
            }
        });
    }

    private static boolean canonical(String value, Consumer<String> check) {
        if (value == null) {
            return false;
        }
        try {
            check.accept(value);
            return true;
        } catch (InvalidIdentifierException | IllegalArgumentException e) {
            return false;
        }
    }
}
