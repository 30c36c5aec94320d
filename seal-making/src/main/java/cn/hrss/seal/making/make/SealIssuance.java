package cn.hrss.seal.making.make;

import cn.hrss.seal.core.device.Sm2PublicKey;
import cn.hrss.seal.making.api.SealState;
import cn.hrss.seal.making.persistence.SealRow;
import cn.hrss.seal.making.port.SealCertificates;
import cn.hrss.seal.making.port.SealStatusPublisher;
import org.bouncycastle.asn1.x509.Certificate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Gives a seal that has its key and esID the rest of what makes it valid: the seal certificate and the SES_Seal,
 * with a validity that ends no later than the certificate. Shared by making, national-code assignment and
 * renewal.
 */
@Component
public class SealIssuance {
    private final SealCertificates certificates;
    private final SesSealWriter writer;
    private final SealStatusPublisher status;

    SealIssuance(SealCertificates certificates, SesSealWriter writer, SealStatusPublisher status) {
        this.certificates = certificates;
        this.writer = writer;
        this.status = status;
    }

    /** Issues certificate and SES_Seal for {@code esId}; the seal becomes VALID (not yet registered). */
    public void issue(SealRow seal, String esId, Instant now, Duration wanted) {
        byte[] certificate = certificates.issue(new SealCertificates.SealSubject(esId, seal.getSealName(),
                seal.getUnitName(), seal.getUnitCreditCode(), seal.getUnitRegionCode()),
                Sm2PublicKey.fromUncompressed(seal.getPublicKey()));
        seal.setEsId(esId);
        complete(seal, certificate, now, wanted);
    }

    /** Renews the certificate of a valid seal and writes its new SES_Seal; esID and key stay. */
    public void renew(SealRow seal, Instant now, Duration wanted) {
        complete(seal, certificates.renew(seal.getCertificate()), now, wanted);
    }

    /** Registers a newly valid seal with the status system. */
    public void register(SealRow seal) {
        status.register(new SealStatusPublisher.Registration(seal.getEsId(), seal.getUnitName(), seal.getSealName(),
                seal.getUnitRegionCode(), seal.getCertificateSerial(), seal.getValidFrom().toInstant(),
                seal.getValidTo().toInstant()));
    }

    private void complete(SealRow seal, byte[] certificate, Instant now, Duration wanted) {
        Certificate parsed = Certificate.getInstance(certificate);
        Instant certificateEnd = parsed.getEndDate().getDate().toInstant();
        Instant validTo = now.plus(wanted).isAfter(certificateEnd) ? certificateEnd : now.plus(wanted);
        seal.setCertificate(certificate);
        seal.setCertificateSerial(parsed.getSerialNumber().getValue().toString(16));
        seal.setValidFrom(now.atOffset(ZoneOffset.UTC));
        seal.setValidTo(validTo.atOffset(ZoneOffset.UTC));
        seal.setSesSeal(writer.write(seal, seal.getEsId(), certificate, now, now, validTo));
        seal.setStatus(SealState.VALID);
    }
}
