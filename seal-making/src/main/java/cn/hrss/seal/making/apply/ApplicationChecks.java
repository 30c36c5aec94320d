package cn.hrss.seal.making.apply;

import cn.hrss.seal.core.device.Sm2PublicKey;
import cn.hrss.seal.core.error.SealException;
import cn.hrss.seal.making.SealMakingProperties;
import cn.hrss.seal.making.api.Delivery;
import cn.hrss.seal.making.port.IdentifierRules;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.springframework.stereotype.Component;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The checks an application passes before anything is stored: identifiers with their check characters, validity
 * range, seal type, the uploaded picture and the holder key. All problems are reported at once, as
 * 400 {@code VALIDATION_FAILED} with {@code details.fields}, like bean validation.
 */
@Component
class ApplicationChecks {
    /** Business seal categories: 01 official, 02 finance, 03 invoice, 04 contract, 05 legal representative, ... */
    static final Set<String> SEAL_TYPES = Set.of("01", "02", "03", "04", "05", "06", "07", "08", "99");

    private final IdentifierRules identifiers;
    private final int maxValidityDays;

    ApplicationChecks(IdentifierRules identifiers, SealMakingProperties properties) {
        this.identifiers = identifiers;
        this.maxValidityDays = properties.maxValidityDays();
    }

    /** Checks a request and turns it into content; the picture is checked by the caller's picture port. */
    ApplicationContent check(ApplicationRequest r, Map<String, String> problems) {
        byte[] picture = decodeBase64("pictureBase64", r.pictureBase64(), problems);
        Delivery delivery = r.delivery() == null ? Delivery.SERVER : r.delivery();
        Sm2PublicKey holderKey = holderKey(delivery, r.holderPublicKey(), problems);
        ApplicationContent content = new ApplicationContent(r.unitCreditCode(), r.unitRegionCode(), r.unitType(),
                r.unitName().strip(), r.unitAddress().strip(), r.agentName().strip(), r.agentIdNumber(),
                r.agentPhone(), r.approverUnitName().strip(), r.approverRegionCode(), r.sealName().strip(),
                r.sealType(), r.scope(), r.validityDays(), picture, delivery, holderKey);
        checkContent(content, problems);
        return content;
    }

    void checkContent(ApplicationContent c, Map<String, String> problems) {
        if (!identifiers.isCreditCode(c.unitCreditCode())) {
            problems.putIfAbsent("unitCreditCode", "not a unified social credit code (GB 32100)");
        }
        if (!identifiers.isRegionCode(c.unitRegionCode())) {
            problems.putIfAbsent("unitRegionCode", "not an administrative division code (GB/T 2260)");
        }
        if (!identifiers.isRegionCode(c.approverRegionCode())) {
            problems.putIfAbsent("approverRegionCode", "not an administrative division code (GB/T 2260)");
        }
        if (!identifiers.isCitizenIdNumber(c.agentIdNumber())) {
            problems.putIfAbsent("agentIdNumber", "not a citizen identity number (GB 11643)");
        }
        if (!identifiers.isMobilePhone(c.agentPhone())) {
            problems.putIfAbsent("agentPhone", "not a mobile phone number");
        }
        if (!SEAL_TYPES.contains(c.sealType())) {
            problems.putIfAbsent("sealType", "must be one of " + SEAL_TYPES.stream().sorted().toList());
        }
        if (c.validityDays() < 1 || c.validityDays() > maxValidityDays) {
            problems.putIfAbsent("validityDays", "must be between 1 and " + maxValidityDays);
        }
    }

    static void failIfAny(Map<String, String> problems) {
        if (!problems.isEmpty()) {
            throw new SealException("VALIDATION_FAILED", 400, "request fields are invalid",
                    Map.of("fields", new LinkedHashMap<>(problems)), null);
        }
    }

    static byte[] decodeBase64(String field, String value, Map<String, String> problems) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            problems.putIfAbsent(field, "not base64");
            return null;
        }
    }

    private static Sm2PublicKey holderKey(Delivery delivery, String base64, Map<String, String> problems) {
        if (delivery == Delivery.SERVER) {
            if (base64 != null && !base64.isEmpty()) {
                problems.putIfAbsent("holderPublicKey", "only for USBKEY delivery");
            }
            return null;
        }
        byte[] encoded = decodeBase64("holderPublicKey", base64, problems);
        if (encoded == null) {
            problems.putIfAbsent("holderPublicKey", "required for USBKEY delivery");
            return null;
        }
        try {
            return encoded.length == 65
                    ? Sm2PublicKey.fromUncompressed(encoded)
                    : Sm2PublicKey.fromSubjectPublicKeyInfo(SubjectPublicKeyInfo.getInstance(encoded));
        } catch (RuntimeException e) {
            problems.putIfAbsent("holderPublicKey", "not an SM2 public key");
            return null;
        }
    }
}
