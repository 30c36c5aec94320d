package cn.hrss.seal.status.api;

import cn.hrss.seal.core.error.SealException;

import java.time.Instant;
import java.util.Objects;

/**
 * A newly made seal, handed to the status system by the making side. The seal starts {@link SealStatus#VALID} at
 * {@code validStart}; the expiry job moves it to {@link SealStatus#EXPIRED} at {@code validEnd}.
 *
 * @param esId              the seal's esID
 * @param unitName          name of the unit that holds the seal
 * @param sealName          name of the seal
 * @param regionCode        six-digit administrative region code of the unit
 * @param certificateSerial serial number (hex) of the seal certificate
 * @param validStart        start of the seal's validity
 * @param validEnd          end of the seal's validity, after {@code validStart}
 */
public record SealRegistration(String esId, String unitName, String sealName, String regionCode,
                               String certificateSerial, Instant validStart, Instant validEnd) {

    public SealRegistration {
        EsIds.requireWellFormed(esId);
        requireText("unitName", unitName, 200);
        requireText("sealName", sealName, 200);
        if (regionCode == null || !regionCode.matches("\\d{6}")) {
            throw invalid("regionCode must be six digits");
        }
        if (certificateSerial == null || !certificateSerial.matches("[0-9A-Fa-f]{1,64}")) {
            throw invalid("certificateSerial must be 1..64 hex digits");
        }
        Objects.requireNonNull(validStart, "validStart");
        Objects.requireNonNull(validEnd, "validEnd");
        if (!validEnd.isAfter(validStart)) {
            throw invalid("validEnd must be after validStart");
        }
    }

    private static void requireText(String field, String value, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw invalid(field + " must be 1.." + max + " characters");
        }
    }

    private static SealException invalid(String message) {
        return SealException.badRequest("INVALID_SEAL_REGISTRATION", message);
    }
}
