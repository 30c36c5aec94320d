package cn.hrss.seal.application.verification;

import cn.hrss.seal.application.report.ReportProperties;
import cn.hrss.seal.core.crypto.DeviceContentSigner;
import cn.hrss.seal.core.device.KeyRef;
import cn.hrss.seal.core.device.soft.SoftCipherDevice;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;

import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Binding of the verification and report settings, and the extra trusted roots read from PEM files. */
class VerificationPropertiesTest {
    @TempDir
    Path dir;

    @Test
    void settingsBindAndExtraRootsAreReadFromPem() throws Exception {
        Path pem = dir.resolve("other-root.pem");
        X509CertificateHolder root = selfSigned();
        StringWriter out = new StringWriter();
        try (PemWriter writer = new PemWriter(out)) {
            writer.writeObject(new PemObject("CERTIFICATE", root.getEncoded()));
        }
        Files.writeString(pem, out.toString());
        MockEnvironment environment = new MockEnvironment()
                .withProperty("seal.application.verification.trusted-roots[0]", pem.toString())
                .withProperty("seal.application.verification.max-document-size", "5MB")
                .withProperty("seal.application.verification.online-timeout", "PT2S")
                .withProperty("seal.application.report.font", "/fonts/x.ttf");

        VerificationProperties properties = bind(VerificationProperties.class, environment);

        assertThat(properties.maxDocumentSize().toBytes()).isEqualTo(5L * 1024 * 1024);
        assertThat(properties.onlineTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(TrustedRoots.of(properties.trustedRoots()).current()).containsExactly(root);
        ReportProperties report = bind(ReportProperties.class, environment);
        assertThat(report.font()).isEqualTo("/fonts/x.ttf");
        assertThat(report.fontSearch()).isEqualTo(ReportProperties.DEFAULT_FONT_SEARCH);
    }

    @Test
    void defaultsAndInvalidValues() throws Exception {
        VerificationProperties defaults = bind(VerificationProperties.class, new MockEnvironment());
        assertThat(defaults.maxDocumentSize().toMegabytes()).isEqualTo(20);
        assertThat(defaults.trustedRoots()).isEmpty();

        assertThatThrownBy(() -> bind(VerificationProperties.class, new MockEnvironment()
                .withProperty("seal.application.verification.online-timeout", "PT10M")))
                .hasStackTraceContaining("online-timeout");
        Path notPem = Files.writeString(dir.resolve("root.txt"), "not a certificate");
        assertThatThrownBy(() -> TrustedRoots.of(List.of(notPem.toString())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("holds no PEM certificate");
    }

    @Test
    void aDirectoryOfRootsIsReadAgainWhenOperatorsAddOrRemoveFiles() throws Exception {
        Path roots = Files.createDirectory(dir.resolve("federation-roots"));
        TrustedRoots trusted = TrustedRoots.of(List.of(roots.toString()));
        assertThat(trusted.current()).isEmpty();

        X509CertificateHolder province = selfSigned();
        StringWriter out = new StringWriter();
        try (PemWriter writer = new PemWriter(out)) {
            writer.writeObject(new PemObject("CERTIFICATE", province.getEncoded()));
        }
        Files.writeString(roots.resolve("province.pem"), out.toString());
        Files.writeString(roots.resolve("broken.pem"), "not a certificate");  // skipped, does not stop verification
        Files.writeString(roots.resolve("notes.txt"), "ignored");
        assertThat(trusted.current()).containsExactly(province);

        Files.delete(roots.resolve("province.pem"));
        assertThat(trusted.current()).isEmpty();
    }

    /** Binds as Spring Boot does (the records check their own values in their constructors). */
    private static <T> T bind(Class<T> type, Environment environment) {
        String prefix = type.getAnnotation(ConfigurationProperties.class).value();
        return Binder.get(environment).bindOrCreate(prefix, type);
    }

    private X509CertificateHolder selfSigned() throws Exception {
        try (SoftCipherDevice device = new SoftCipherDevice(dir.resolve("keys"), new SecureRandom().generateSeed(16),
                "pw".toCharArray())) {
            KeyRef key = device.generateKeyPair("other-root");
            X500Name name = new X500Name("CN=Other Province Root,C=CN");
            return new X509v3CertificateBuilder(name, BigInteger.TEN, Date.from(Instant.now()),
                    Date.from(Instant.now().plus(Duration.ofDays(1))), name,
                    device.exportSignPublicKey(key).toSubjectPublicKeyInfo())
                    .build(DeviceContentSigner.create(device, key));
        }
    }
}
