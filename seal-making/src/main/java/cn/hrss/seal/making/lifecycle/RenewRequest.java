package cn.hrss.seal.making.lifecycle;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/**
 * Body of renew (续期). An operator sends reason and validity. A holder renewing by self-service also sends
 * {@code requestedAt} and {@code signature}: base64 of a DER SM3withSM2 signature by the seal's own key over
 * {@link SelfServiceRenewal#toBeSigned()}.
 */
record RenewRequest(@NotBlank @Size(max = 1000) String reason,
                    @NotNull @Min(1) Integer validityDays,
                    Instant requestedAt,
                    String signature) {

    boolean selfService() {
        return signature != null;
    }
}
