package cn.hrss.seal.console.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The new-application form: every field of {@code POST /api/v1/seal-applications}. Shape is checked here so the
 * user gets all obvious mistakes at once; check characters and everything else are the node's checks, whose field
 * errors come back onto the same form. Every field is text so that a wrong entry is a message like the others,
 * not a conversion failure that hides them.
 */
record ApplicationForm(
        @NotBlank @Pattern(regexp = "[0-9A-Z]{18}") String unitCreditCode,
        @NotBlank @Pattern(regexp = "[0-9]{6}") String unitRegionCode,
        @NotBlank @Pattern(regexp = "ADMINISTRATIVE_ORGAN|PUBLIC_INSTITUTION") String unitType,
        @NotBlank @Size(max = 200) String unitName,
        @NotBlank @Size(max = 300) String unitAddress,
        @NotBlank @Size(max = 64) String agentName,
        @NotBlank @Pattern(regexp = "[0-9]{17}[0-9X]") String agentIdNumber,
        @NotBlank @Pattern(regexp = "1[0-9]{10}") String agentPhone,
        @NotBlank @Size(max = 200) String approverUnitName,
        @NotBlank @Pattern(regexp = "[0-9]{6}") String approverRegionCode,
        @NotBlank @Size(max = 100) String sealName,
        @NotBlank @Pattern(regexp = "0[1-8]|99") String sealType,
        @NotBlank @Pattern(regexp = "INDUSTRY|CROSS_INDUSTRY") String scope,
        @NotBlank @Pattern(regexp = "[1-9][0-9]{0,3}") String validityDays) {

    static final List<String> UNIT_TYPES = List.of("ADMINISTRATIVE_ORGAN", "PUBLIC_INSTITUTION");
    static final List<String> SEAL_TYPES = List.of("01", "02", "03", "04", "05", "06", "07", "08", "99");
    static final List<String> SCOPES = List.of("INDUSTRY", "CROSS_INDUSTRY");

    static ApplicationForm empty() {
        return new ApplicationForm(null, null, "PUBLIC_INSTITUTION", null, null, null, null, null, null, null, null,
                "01", "INDUSTRY", "365");
    }

    /** The API body; the picture is optional (the node draws one when absent). */
    Map<String, Object> body(String pictureBase64) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("unitCreditCode", unitCreditCode.strip());
        body.put("unitRegionCode", unitRegionCode.strip());
        body.put("unitType", unitType);
        body.put("unitName", unitName.strip());
        body.put("unitAddress", unitAddress.strip());
        body.put("agentName", agentName.strip());
        body.put("agentIdNumber", agentIdNumber.strip());
        body.put("agentPhone", agentPhone.strip());
        body.put("approverUnitName", approverUnitName.strip());
        body.put("approverRegionCode", approverRegionCode.strip());
        body.put("sealName", sealName.strip());
        body.put("sealType", sealType);
        body.put("scope", scope);
        body.put("validityDays", Integer.parseInt(validityDays));
        if (pictureBase64 != null) {
            body.put("pictureBase64", pictureBase64);
        }
        return body;
    }

    @Override
    public String toString() {
        // never log the agent's ID or phone number
        return "ApplicationForm[unit=" + unitCreditCode + ", seal=" + sealName + "]";
    }
}
