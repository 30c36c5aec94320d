package cn.hrss.seal.cli;

import cn.hrss.seal.core.device.Sm2PublicKey;
import cn.hrss.seal.core.ses.SealView;
import cn.hrss.seal.core.ses.SesCheck;
import cn.hrss.seal.core.ses.SesParser;
import cn.hrss.seal.core.ses.SesVerifier;
import cn.hrss.seal.core.skf.EnvelopedKeyBlob;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMParser;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * An exported seal package (format {@value #FORMAT}, docs/CLI.md): a ZIP of manifest.json, seal.der, certificate.der,
 * chain.pem and key-envelope.bin, as {@code GET /api/v1/seals/{esId}/package} serves it. Reading is strict: exactly
 * these entries, bounded sizes, and the parts must agree (esID, the certificate listed in the seal, the envelope's
 * public key equal to the certificate's); anything else is a {@link BadInputException}.
 */
final class SealPackage {
    static final String FORMAT = "hrss-seal-package/1";
    static final Set<String> ENTRIES = Set.of("manifest.json", "seal.der", "certificate.der", "chain.pem",
            "key-envelope.bin");
    private static final int MAX_PACKAGE = 4 * 1024 * 1024;
    private static final int MAX_ENTRY = 2 * 1024 * 1024;

    private final Manifest manifest;
    private final byte[] seal;
    private final SealView sealView;
    private final X509CertificateHolder certificate;
    private final List<X509CertificateHolder> issuerChain;
    private final EnvelopedKeyBlob envelope;

    /** The manifest members the CLI uses; unknown members are ignored for forward compatibility. */
    record Manifest(String format, String esId, String sealName, String unitName, Instant validFrom,
                    Instant validTo) {
    }

    private SealPackage(Manifest manifest, byte[] seal, SealView sealView, X509CertificateHolder certificate,
                        List<X509CertificateHolder> issuerChain, EnvelopedKeyBlob envelope) {
        this.manifest = manifest;
        this.seal = seal;
        this.sealView = sealView;
        this.certificate = certificate;
        this.issuerChain = List.copyOf(issuerChain);
        this.envelope = envelope;
    }

    static SealPackage read(Path file) {
        try {
            if (Files.size(file) > MAX_PACKAGE) {
                throw new BadInputException("seal package " + file + " is larger than " + MAX_PACKAGE + " bytes");
            }
            return read(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new BadInputException("cannot read seal package " + file + ": " + e.getMessage(), e);
        }
    }

    static SealPackage read(byte[] zip) {
        Map<String, byte[]> entries = unzip(zip);
        if (!entries.keySet().equals(ENTRIES)) {
            throw new BadInputException("not a seal package: expected entries " + ENTRIES + ", found "
                    + entries.keySet());
        }
        Manifest manifest = manifest(entries.get("manifest.json"));
        byte[] seal = entries.get("seal.der");
        SealView sealView;
        try {
            sealView = new SesParser().parseSeal(seal);
        } catch (RuntimeException e) {
            throw new BadInputException("seal package: seal.der is not a GB/T 38540 seal: " + e.getMessage(), e);
        }
        if (!manifest.esId().equals(sealView.esId())) {
            throw new BadInputException("seal package: manifest esId " + manifest.esId() + " but seal.der is "
                    + sealView.esId());
        }
        X509CertificateHolder certificate;
        try {
            certificate = new X509CertificateHolder(entries.get("certificate.der"));
        } catch (IOException | RuntimeException e) {
            throw new BadInputException("seal package: certificate.der is not an X.509 certificate", e);
        }
        SesCheck listed = SesVerifier.certificateListed(sealView, entries.get("certificate.der"));
        if (!listed.passed()) {
            throw new BadInputException("seal package: the seal does not list certificate.der: " + listed.reason());
        }
        List<X509CertificateHolder> chain = certificates(entries.get("chain.pem"));
        EnvelopedKeyBlob envelope;
        try {
            envelope = EnvelopedKeyBlob.getInstance(entries.get("key-envelope.bin"));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("seal package: key-envelope.bin: " + e.getMessage(), e);
        }
        if (!envelope.publicKey().equals(certifiedKey(certificate))) {
            throw new BadInputException("seal package: the key envelope holds another key than the seal certificate");
        }
        return new SealPackage(manifest, seal, sealView, certificate, chain, envelope);
    }

    Manifest manifest() {
        return manifest;
    }

    byte[] seal() {
        return seal.clone();
    }

    SealView sealView() {
        return sealView;
    }

    X509CertificateHolder certificate() {
        return certificate;
    }

    /** Issuer of the seal certificate first, up to the seal root. */
    List<X509CertificateHolder> issuerChain() {
        return issuerChain;
    }

    /** Seal certificate first, then its issuers. */
    List<X509CertificateHolder> signerChain() {
        List<X509CertificateHolder> chain = new ArrayList<>();
        chain.add(certificate);
        chain.addAll(issuerChain);
        return chain;
    }

    EnvelopedKeyBlob envelope() {
        return envelope;
    }

    static Sm2PublicKey certifiedKey(X509CertificateHolder certificate) {
        try {
            return Sm2PublicKey.fromSubjectPublicKeyInfo(certificate.getSubjectPublicKeyInfo());
        } catch (RuntimeException e) {
            throw new BadInputException("seal certificate " + certificate.getSubject() + " has no SM2 key", e);
        }
    }

    private static Map<String, byte[]> unzip(byte[] zip) {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (entries.size() > ENTRIES.size()) {
                    throw new BadInputException("not a seal package: too many entries");
                }
                byte[] content = in.readNBytes(MAX_ENTRY + 1);
                if (content.length > MAX_ENTRY) {
                    throw new BadInputException("seal package entry " + e.getName() + " is too large");
                }
                if (entries.put(e.getName(), content) != null) {
                    throw new BadInputException("seal package entry " + e.getName() + " appears twice");
                }
            }
        } catch (ZipException e) {
            throw new BadInputException("not a seal package (ZIP): " + e.getMessage(), e);
        } catch (IOException e) {
            throw new BadInputException("seal package truncated or unreadable: " + e.getMessage(), e);
        }
        return entries;
    }

    private static Manifest manifest(byte[] json) {
        try {
            JsonNode m = new ObjectMapper().readTree(json);
            String format = text(m, "format");
            if (!FORMAT.equals(format)) {
                throw new BadInputException("seal package format " + format + " is not supported (" + FORMAT + ")");
            }
            return new Manifest(format, text(m, "esId"), text(m, "sealName"), text(m, "unitName"),
                    Instant.parse(text(m, "validFrom")), Instant.parse(text(m, "validTo")));
        } catch (IOException | DateTimeParseException e) {
            throw new BadInputException("seal package: manifest.json unreadable: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String member) {
        JsonNode value = node == null ? null : node.get(member);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new BadInputException("seal package: manifest.json lacks \"" + member + "\"");
        }
        return value.asText();
    }

    private static List<X509CertificateHolder> certificates(byte[] pem) {
        List<X509CertificateHolder> chain = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(new String(pem, StandardCharsets.US_ASCII)))) {
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                if (!(o instanceof X509CertificateHolder certificate)) {
                    throw new BadInputException("seal package: chain.pem holds something other than certificates");
                }
                chain.add(certificate);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof BadInputException bad) {
                throw bad;
            }
            throw new BadInputException("seal package: chain.pem unreadable: " + e.getMessage(), e);
        }
        return chain;
    }
}
