package cn.hrss.seal.application.verification;

import cn.hrss.seal.application.sign.SealSigningKey;
import cn.hrss.seal.ca.api.CertificateAuthority;
import cn.hrss.seal.ca.api.IssuedCertificate;
import cn.hrss.seal.ca.api.SealCertificateRequest;
import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.device.KeyRef;
import cn.hrss.seal.core.identity.UnifiedCreditCode;
import cn.hrss.seal.core.picture.SealDesign;
import cn.hrss.seal.core.picture.SealPicture;
import cn.hrss.seal.core.picture.SealPictureRenderer;
import cn.hrss.seal.core.ses.SealMaker;
import cn.hrss.seal.core.ses.v4.SealInfo;
import cn.hrss.seal.status.api.SealRegistration;
import cn.hrss.seal.status.api.SealStatusService;
import cn.hrss.seal.testsupport.TestIdentifiers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Seals as a node makes them, without the making workflow: a signer key in the node's device, a seal certificate
 * from the node's CA, the SES_Seal signed by the node key (the node is the maker) and the registration in the
 * status system, valid from yesterday.
 */
final class VerificationTestSeals {
    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000_000L);
    private static SealPicture picture;

    private final CertificateAuthority ca;
    private final CipherDevice device;
    private final SealStatusService statuses;

    VerificationTestSeals(CertificateAuthority ca, CipherDevice device, SealStatusService statuses) {
        this.ca = ca;
        this.device = device;
        this.statuses = statuses;
    }

    record Made(String esId, SealSigningKey key, IssuedCertificate certificate) {
    }

    Made make(String unit) {
        String esId = "3501009" + SEQUENCE.incrementAndGet();
        KeyRef key = device.generateKeyPair("seal-" + esId);
        IssuedCertificate certificate = ca.issueSealCertificate(new SealCertificateRequest(esId, unit + "公章", unit,
                UnifiedCreditCode.parse(TestIdentifiers.creditCode("350100")), "verification test",
                device.exportSignPublicKey(key)));
        Instant start = Instant.now().minus(Duration.ofDays(1));
        Instant end = Instant.now().plus(Duration.ofDays(365));
        SealPicture seal = picture();
        SealInfo info = SealInfo.builder().vendorId("HRSS").esId(esId).sealType(1).name(unit + "公章")
                .signerCertificate(certificate.encoded()).createDate(start).validity(start, end)
                .picture(seal.type(), seal.data(), seal.widthMm(), seal.heightMm()).build();
        byte[] maker;
        try {
            maker = ca.nodeCertificate().getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] sealDer = SealMaker.make(info, maker, message ->
                device.sign(ca.nodeKey(), Sm2.digest(device.exportSignPublicKey(ca.nodeKey()), message))).encoded();
        statuses.register(new SealRegistration(esId, unit, unit + "公章", "350100",
                certificate.serial().toString(16), start, end));
        return new Made(esId, new SealSigningKey(device, key, List.of(certificate.certificate(),
                ca.rootCertificate()), sealDer), certificate);
    }

    private static synchronized SealPicture picture() {
        if (picture == null) {
            picture = new SealPictureRenderer(150, SealPictureRenderer.withDefaults().fontFamily())
                    .render(SealDesign.of("福建省测试人力资源和社会保障局", "合同专用章"));
        }
        return picture;
    }
}
