package cn.hrss.seal.making.lifecycle;

import cn.hrss.seal.core.error.SealException;
import cn.hrss.seal.making.api.Delivery;
import cn.hrss.seal.making.persistence.SealMapper;
import cn.hrss.seal.making.persistence.SealRow;
import cn.hrss.seal.making.port.AuditLog;
import cn.hrss.seal.making.port.SealCertificates;
import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The exported seal package of a USBKey seal: everything a holder needs to sign and verify without the node (see
 * docs/CLI.md "Seal package"). Only the holder's protection private key opens the key envelope inside, so the
 * package is no more secret than the envelope the node already serves.
 */
@RestController
class SealPackageController {
    static final String FORMAT = "hrss-seal-package/1";
    static final MediaType ZIP = MediaType.parseMediaType("application/zip");

    private final SealMapper seals;
    private final SealCertificates certificates;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;

    SealPackageController(SealMapper seals, SealCertificates certificates, AuditLog audit, ObjectMapper json,
                          Clock clock) {
        this.seals = seals;
        this.certificates = certificates;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/api/v1/seals/{esId}/package")
    @PreAuthorize("hasRole('SEAL_OPERATOR')")
    ResponseEntity<byte[]> sealPackage(@PathVariable String esId, Authentication caller) {
        SealRow seal = seals.selectOne(new QueryWrapper<SealRow>().eq("es_id", esId));
        if (seal == null) {
            throw SealException.notFound("SEAL_NOT_FOUND", "no seal " + esId);
        }
        if (seal.getDelivery() != Delivery.USBKEY || seal.getKeyEnvelope() == null) {
            throw SealException.conflict("KEY_ENVELOPE_NOT_AVAILABLE",
                    "the seal key is hosted by the server; only USBKey seals can be exported");
        }
        Instant now = clock.instant();
        byte[] zip = write(seal, now);
        audit.append(new AuditLog.Entry(now, caller.getName(), "seal.package-export", seal.getId(),
                AuditLog.Outcome.SUCCESS, "esId=" + esId));
        return ResponseEntity.ok().contentType(ZIP)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + esId + ".sealpkg\"")
                .body(zip);
    }

    private byte[] write(SealRow seal, Instant exportedAt) {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", FORMAT);
        manifest.put("esId", seal.getEsId());
        manifest.put("sealName", seal.getSealName());
        manifest.put("sealType", seal.getSealType());
        manifest.put("unitName", seal.getUnitName());
        manifest.put("unitCreditCode", seal.getUnitCreditCode());
        manifest.put("validFrom", seal.getValidFrom().toInstant().toString());
        manifest.put("validTo", seal.getValidTo().toInstant().toString());
        manifest.put("exportedAt", exportedAt.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            entry(zip, "manifest.json", json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            entry(zip, "seal.der", seal.getSesSeal());
            entry(zip, "certificate.der", seal.getCertificate());
            entry(zip, "chain.pem", pem(certificates.issuerChain()));
            entry(zip, "key-envelope.bin", seal.getKeyEnvelope());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    private static byte[] pem(List<byte[]> certificates) {
        Base64.Encoder base64 = Base64.getMimeEncoder(64, new byte[] {'\n'});
        StringBuilder pem = new StringBuilder();
        for (byte[] certificate : certificates) {
            pem.append("-----BEGIN CERTIFICATE-----\n").append(base64.encodeToString(certificate))
                    .append("\n-----END CERTIFICATE-----\n");
        }
        return pem.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
