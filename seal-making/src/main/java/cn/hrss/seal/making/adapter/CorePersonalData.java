package cn.hrss.seal.making.adapter;

import cn.hrss.seal.core.pii.PersonalDataKind;
import cn.hrss.seal.core.pii.PersonalDataProtector;
import cn.hrss.seal.core.pii.ProtectedValue;
import cn.hrss.seal.making.port.PersonalData;

/** {@link PersonalData} over seal-core's {@link PersonalDataProtector} (SM4 under a device KEK, HMAC-SM3). */
public final class CorePersonalData implements PersonalData {
    private final PersonalDataProtector protector;

    public CorePersonalData(PersonalDataProtector protector) {
        this.protector = protector;
    }

    @Override
    public Protected protect(Kind kind, String value) {
        ProtectedValue p = protector.protect(kindOf(kind), value);
        return new Protected(p.sealed(), p.masked());
    }

    @Override
    public String reveal(Kind kind, byte[] sealed) {
        return protector.reveal(kindOf(kind), sealed);
    }

    private static PersonalDataKind kindOf(Kind kind) {
        return switch (kind) {
            case CITIZEN_ID -> PersonalDataKind.CITIZEN_ID;
            case MOBILE_NUMBER -> PersonalDataKind.MOBILE_NUMBER;
        };
    }
}
