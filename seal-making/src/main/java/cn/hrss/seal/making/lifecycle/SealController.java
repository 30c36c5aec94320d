package cn.hrss.seal.making.lifecycle;

import cn.hrss.seal.core.error.SealException;
import cn.hrss.seal.making.persistence.SealEventMapper;
import cn.hrss.seal.making.persistence.SealEventRow;
import cn.hrss.seal.making.persistence.SealMapper;
import cn.hrss.seal.making.persistence.SealRow;
import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reading seals. {@code {esId}} also accepts the internal seal id, the only handle of a cross-industry seal that
 * still awaits its national code.
 */
@RestController
@RequestMapping("/api/v1/seals/{esId}")
@PreAuthorize("isAuthenticated()")
class SealController {
    private static final MediaType PKIX_CERT = MediaType.parseMediaType("application/pkix-cert");

    private final SealMapper seals;
    private final SealEventMapper events;

    SealController(SealMapper seals, SealEventMapper events) {
        this.seals = seals;
        this.events = events;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    SealView get(@PathVariable String esId) {
        SealRow seal = find(esId);
        return SealView.of(seal, events.selectList(new QueryWrapper<SealEventRow>()
                .eq("seal_id", seal.getId()).orderByAsc("id")));
    }

    /** The GB/T 38540 SES_Seal, DER. */
    @GetMapping("/ses-seal")
    ResponseEntity<byte[]> sesSeal(@PathVariable String esId) {
        SealRow seal = find(esId);
        if (seal.getSesSeal() == null) {
            throw SealException.notFound("SES_SEAL_NOT_MADE", "the seal awaits its national code");
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM).body(seal.getSesSeal());
    }

    @GetMapping("/picture")
    ResponseEntity<byte[]> picture(@PathVariable String esId) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(find(esId).getPicture());
    }

    /** The seal certificate (DER X.509). */
    @GetMapping("/certificate")
    ResponseEntity<byte[]> certificate(@PathVariable String esId) {
        return ResponseEntity.ok().contentType(PKIX_CERT).body(find(esId).getCertificate());
    }

    /** The GM/T 0016 ENVELOPEDKEYBLOB of a USBKey seal, for the holder's USBKey. */
    @GetMapping("/key-envelope")
    @PreAuthorize("hasRole('SEAL_OPERATOR')")
    ResponseEntity<byte[]> keyEnvelope(@PathVariable String esId) {
        SealRow seal = find(esId);
        if (seal.getKeyEnvelope() == null) {
            throw SealException.notFound("KEY_ENVELOPE_NOT_AVAILABLE", "the seal key is hosted by the server");
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM).body(seal.getKeyEnvelope());
    }

    private SealRow find(String esIdOrSealId) {
        SealRow seal = seals.selectOne(new QueryWrapper<SealRow>().eq("es_id", esIdOrSealId));
        if (seal == null) {
            seal = seals.selectById(esIdOrSealId);
        }
        if (seal == null) {
            throw SealException.notFound("SEAL_NOT_FOUND", "no seal " + esIdOrSealId);
        }
        return seal;
    }
}
