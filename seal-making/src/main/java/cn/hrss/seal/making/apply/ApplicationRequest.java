package cn.hrss.seal.making.apply;

import cn.hrss.seal.making.api.Delivery;
import cn.hrss.seal.making.api.SealScope;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/v1/seal-applications}: the application data of LD/T 01.1 section 7.5. Shape is checked
 * here; check characters, the picture and the holder key are checked by {@link ApplicationChecks}.
 *
 * @param delivery        SERVER (default) or USBKEY
 * @param holderPublicKey for USBKEY delivery: the holder's SM2 encryption public key, base64 of 04||x||y or of a
 *                        SubjectPublicKeyInfo
 */
record ApplicationRequest(
        @NotBlank @Size(max = 18) String unitCreditCode,
        @NotBlank @Size(max = 6) String unitRegionCode,
        @NotNull UnitType unitType,
        @NotBlank @Size(max = 200) String unitName,
        @NotBlank @Size(max = 300) String unitAddress,
        @NotBlank @Size(max = 64) String agentName,
        @NotBlank @Size(max = 18) String agentIdNumber,
        @NotBlank @Size(max = 20) String agentPhone,
        @NotBlank @Size(max = 200) String approverUnitName,
        @NotBlank @Size(max = 6) String approverRegionCode,
        @NotBlank @Size(max = 100) String sealName,
        @NotBlank @Size(max = 2) String sealType,
        @NotNull SealScope scope,
        @NotNull @Min(1) Integer validityDays,
        @Size(max = ApplicationContent.MAX_PICTURE_BASE64) String pictureBase64,
        Delivery delivery,
        @Size(max = 512) String holderPublicKey) {

    @Override
    public String toString() {
        // never log the agent's ID or phone number
        return "ApplicationRequest[unit=" + unitCreditCode + ", seal=" + sealName + ", scope=" + scope + "]";
    }
}
