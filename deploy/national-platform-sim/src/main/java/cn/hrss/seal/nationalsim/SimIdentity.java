package cn.hrss.seal.nationalsim;

import cn.hrss.seal.core.crypto.DeviceContentSigner;
import cn.hrss.seal.core.device.Sm2PublicKey;
import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.device.KeyRef;
import cn.hrss.seal.core.device.soft.SoftCipherDevice;
import cn.hrss.seal.core.message.MessageSigner;
import cn.hrss.seal.core.message.TrustList;
import cn.hrss.seal.core.message.TrustedSigner;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The platform's own identity: an SM2 system key in a soft cipher device under the data directory, its self-signed
 * certificate (the real platform's comes from its own CA; receivers pin it), and whom it trusts. Development-grade
 * secrets are generated into the data directory on first start, as the node does on embedded defaults.
 */
@Configuration(proxyBeanMethods = false)
class SimIdentity {
    static final String KEY_LABEL = "national-platform-system";
    static final String SUBJECT = "CN=National government-service platform (simulator),O=Simulator,C=CN";

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "close")
    SoftCipherDevice cipherDevice(SimProperties properties) {
        Path keys = properties.dataDir().toAbsolutePath().resolve("keys");
        byte[] master = secret(keys.resolve("master.key"), 16);
        char[] password = HexFormat.of().formatHex(secret(keys.resolve("device.password"), 16)).toCharArray();
        return new SoftCipherDevice(keys.resolve("national.ks"), master, password);
    }

    @Bean
    X509CertificateHolder platformCertificate(CipherDevice device, SimProperties properties) {
        KeyRef key = device.findKey(KEY_LABEL).orElseGet(() -> device.generateKeyPair(KEY_LABEL));
        Path file = properties.dataDir().toAbsolutePath().resolve("keys/national.pem");
        try {
            if (Files.exists(file)) {
                return read(file).get(0);
            }
            Sm2PublicKey publicKey = device.exportSignPublicKey(key);
            X500Name name = new X500Name(SUBJECT);
            Instant now = Instant.now();
            X509CertificateHolder certificate = new X509v3CertificateBuilder(name, new BigInteger(64, new SecureRandom()),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(3650))), name,
                    publicKey.toSubjectPublicKeyInfo()).build(DeviceContentSigner.create(device, key));
            Files.writeString(file, pem(certificate));
            return certificate;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Bean
    MessageSigner messageSigner(CipherDevice device, X509CertificateHolder platformCertificate, Clock clock) {
        return MessageSigner.of(device, device.findKey(KEY_LABEL).orElseThrow(), platformCertificate, clock);
    }

    /**
     * Only the configured system certificates: the platform talks to the ministry and nobody else. Each entry is a PEM
     * file or a directory of {@code *.pem} files that is read again when its content changes, so the ministry's
     * certificate can be added while the platform runs (the two trust each other, one has to start first).
     */
    @Bean
    TrustList trustList(SimProperties properties) {
        for (Path entry : properties.trustedCertificates()) {
            if (!Files.isDirectory(entry) && read(entry).isEmpty()) {
                throw new IllegalStateException("sim.trusted-certificates: " + entry + " holds no PEM certificate");
            }
        }
        return new ReloadingTrust(properties.trustedCertificates());
    }

    /** Re-reads the files when a file was added, removed or changed. */
    static final class ReloadingTrust implements TrustList {
        private final List<Path> entries;
        private volatile String state = "";
        private volatile TrustList current = TrustList.of(List.of());

        ReloadingTrust(List<Path> entries) {
            this.entries = List.copyOf(entries);
        }

        @Override
        public java.util.Optional<TrustedSigner> find(cn.hrss.seal.core.message.SignerId id) {
            List<Path> files = files();
            String now = files.stream().map(f -> f + "@" + f.toFile().lastModified() + "/" + f.toFile().length())
                    .reduce("", String::concat);
            if (!now.equals(state)) {
                List<TrustedSigner> trusted = new ArrayList<>();
                files.forEach(f -> read(f).forEach(c -> trusted.add(TrustedSigner.of(c, false))));
                current = TrustList.of(trusted);
                state = now;
            }
            return current.find(id);
        }

        private List<Path> files() {
            List<Path> files = new ArrayList<>();
            for (Path entry : entries) {
                if (Files.isDirectory(entry)) {
                    try (var list = Files.list(entry)) {
                        list.filter(p -> p.toString().endsWith(".pem")).sorted().forEach(files::add);
                    } catch (IOException e) {
                        // unreadable now: trust nothing from it until it is readable again
                    }
                } else {
                    files.add(entry);
                }
            }
            return files;
        }
    }

    static String pem(X509CertificateHolder certificate) throws IOException {
        StringWriter out = new StringWriter();
        try (PemWriter writer = new PemWriter(out)) {
            writer.writeObject(new PemObject("CERTIFICATE", certificate.getEncoded()));
        }
        return out.toString();
    }

    private static List<X509CertificateHolder> read(Path file) {
        List<X509CertificateHolder> certificates = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser pem = new PEMParser(reader)) {
            for (Object o = pem.readObject(); o != null; o = pem.readObject()) {
                if (o instanceof X509CertificateHolder c) {
                    certificates.add(c);
                }
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        return certificates;
    }

    private static byte[] secret(Path file, int length) {
        try {
            if (Files.exists(file)) {
                return HexFormat.of().parseHex(Files.readString(file).strip());
            }
            Files.createDirectories(file.getParent());
            byte[] value = new byte[length];
            new SecureRandom().nextBytes(value);
            Files.writeString(file, HexFormat.of().formatHex(value));
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
