package cn.hrss.seal.making.apply;

import cn.hrss.seal.core.device.Sm2PublicKey;
import cn.hrss.seal.making.api.Delivery;
import cn.hrss.seal.making.api.SealScope;

/**
 * The content of an application in plain form, as checked before it is stored. A change of a seal starts from the
 * predecessor's content and replaces some fields. {@code picture} is null when the picture is to be generated.
 */
public record ApplicationContent(
        String unitCreditCode, String unitRegionCode, UnitType unitType, String unitName, String unitAddress,
        String agentName, String agentIdNumber, String agentPhone,
        String approverUnitName, String approverRegionCode,
        String sealName, String sealType, SealScope scope, int validityDays,
        byte[] picture, Delivery delivery, Sm2PublicKey holderPublicKey) {

    /** About 1.5 MB of PNG as base64: more than a scanned seal needs, little enough to refuse before decoding. */
    public static final int MAX_PICTURE_BASE64 = 2_000_000;

    public ApplicationContent {
        picture = picture == null ? null : picture.clone();
    }

    @Override
    public byte[] picture() {
        return picture == null ? null : picture.clone();
    }

    /** Copy with the fields a change may alter; null arguments keep the current value. */
    public ApplicationContent changed(UnitType newUnitType, String newUnitName, String newUnitAddress,
                                      String newAgentName, String newAgentIdNumber, String newAgentPhone,
                                      String newSealName, Integer newValidityDays, byte[] newPicture) {
        return new ApplicationContent(unitCreditCode, unitRegionCode, or(newUnitType, unitType),
                or(newUnitName, unitName), or(newUnitAddress, unitAddress), or(newAgentName, agentName),
                or(newAgentIdNumber, agentIdNumber), or(newAgentPhone, agentPhone), approverUnitName,
                approverRegionCode, or(newSealName, sealName), sealType, scope,
                newValidityDays == null ? validityDays : newValidityDays,
                // a new name needs a new picture unless one is uploaded
                newPicture != null ? newPicture : (newUnitName == null && newSealName == null ? picture : null),
                delivery, holderPublicKey);
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }

    @Override
    public String toString() {
        return "ApplicationContent[unit=" + unitCreditCode + ", seal=" + sealName + ", scope=" + scope + "]";
    }
}
