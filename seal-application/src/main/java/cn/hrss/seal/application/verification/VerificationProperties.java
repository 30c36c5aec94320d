package cn.hrss.seal.application.verification;

import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.List;

/**
 * Verification on this node ({@code seal.application.verification.*}).
 *
 * @param trustedRoots    PEM files of roots trusted besides this node's CA root (other provinces, other CAs)
 * @param maxDocumentSize the largest document (and detached data) accepted; larger is 413 DOCUMENT_TOO_LARGE
 * @param onlineTimeout   how long to wait for another CA's OCSP responder
 */
public record VerificationProperties(
        @DefaultValue({}) List<String> trustedRoots,
        @DefaultValue("20MB") DataSize maxDocumentSize,
        @DefaultValue("PT5S") Duration onlineTimeout) {
    public static final String PREFIX = "seal.application.verification";

    /** Validated here: the record is bound with a plain Binder ({@link #bind}). */
    public VerificationProperties {
        trustedRoots = trustedRoots == null ? List.of() : List.copyOf(trustedRoots);
        if (maxDocumentSize == null || maxDocumentSize.toBytes() < 1
                || maxDocumentSize.toBytes() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(PREFIX + ".max-document-size must be 1 byte..2 GB");
        }
        if (onlineTimeout == null || onlineTimeout.toMillis() < 100 || onlineTimeout.toMinutes() > 1) {
            throw new IllegalArgumentException(PREFIX + ".online-timeout must be 100 ms..1 min");
        }
    }

    /**
     * Binds {@code seal.application.verification.*} with a plain Binder: {@code @EnableConfigurationProperties} is
     * not applied to configuration classes found by the seal application's component scan in this setup.
     */
    public static VerificationProperties bind(Environment environment) {
        return Binder.get(environment).bindOrCreate(PREFIX, VerificationProperties.class);
    }
}
