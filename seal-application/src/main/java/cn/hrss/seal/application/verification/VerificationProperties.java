package cn.hrss.seal.application.verification;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Verification on this node ({@code seal.application.verification.*}).
 *
 * @param trustedRoots    PEM files of roots trusted besides this node's CA root (other provinces, other CAs)
 * @param maxDocumentSize the largest document (and detached data) accepted; larger is 413 DOCUMENT_TOO_LARGE
 * @param onlineTimeout   how long to wait for another CA's OCSP responder
 */
@Validated
@ConfigurationProperties("seal.application.verification")
public record VerificationProperties(
        @DefaultValue({}) @NotNull List<Path> trustedRoots,
        @DefaultValue("20MB") @NotNull DataSize maxDocumentSize,
        @DefaultValue("PT5S") @NotNull @DurationMin(millis = 100) @DurationMax(minutes = 1) Duration onlineTimeout) {

    public VerificationProperties {
        trustedRoots = List.copyOf(trustedRoots);
        if (maxDocumentSize.toBytes() < 1 || maxDocumentSize.toBytes() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("seal.application.verification.max-document-size must be 1 byte..2 GB");
        }
    }
}
