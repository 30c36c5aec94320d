package cn.hrss.seal.making.lifecycle;

import cn.hrss.seal.making.apply.ApplicationContent;
import cn.hrss.seal.making.apply.UnitType;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of change (变更): the reason and the fields that change for the successor seal; absent fields stay as they
 * were. The unit's credit code and region stay: another unit applies for its own seal.
 */
record ChangeRequest(
        @NotBlank @Size(max = 1000) String reason,
        UnitType unitType,
        @Size(min = 1, max = 200) String unitName,
        @Size(min = 1, max = 300) String unitAddress,
        @Size(min = 1, max = 64) String agentName,
        @Size(max = 18) String agentIdNumber,
        @Size(max = 20) String agentPhone,
        @Size(min = 1, max = 100) String sealName,
        @Min(1) Integer validityDays,
        @Size(max = ApplicationContent.MAX_PICTURE_BASE64) String pictureBase64) {

    @Override
    public String toString() {
        return "ChangeRequest[reason=" + reason + ", unitName=" + unitName + ", sealName=" + sealName + "]";
    }
}
