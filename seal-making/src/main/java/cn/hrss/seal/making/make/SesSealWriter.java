package cn.hrss.seal.making.make;

import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.device.Sm2PublicKey;
import cn.hrss.seal.making.SealMakingProperties;
import cn.hrss.seal.making.persistence.SealRow;
import cn.hrss.seal.making.port.MakerIdentity;
import cn.hrss.seal.making.port.SealEncoder;
import org.bouncycastle.asn1.x509.Certificate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * Writes a seal's GB/T 38540 {@code SES_Seal} in three steps: the encoder builds DER(SES_SealInfo), the cipher
 * device signs its SM3withSM2 digest with the maker key, the encoder assembles the seal with the maker certificate.
 */
@Component
public class SesSealWriter {
    /** GM/T 0031 values, kept by GB/T 38540: 1 organisation seal, 2 personal seal. */
    static final int ORGANISATION_SEAL = 1;
    static final int PERSONAL_SEAL = 2;
    /** The business category of the legal representative's name seal. */
    static final String LEGAL_REPRESENTATIVE_SEAL = "05";

    private final SealEncoder encoder;
    private final CipherDevice device;
    private final MakerIdentity maker;
    private final SealMakingProperties properties;

    SesSealWriter(SealEncoder encoder, CipherDevice device, MakerIdentity maker, SealMakingProperties properties) {
        this.encoder = encoder;
        this.device = device;
        this.maker = maker;
        this.properties = properties;
    }

    /**
     * @param seal        supplies name, type and picture
     * @param certificate the seal certificate to list (certListType 1)
     */
    public byte[] write(SealRow seal, String esId, byte[] certificate, Instant created, Instant validFrom,
                        Instant validTo) {
        int type = LEGAL_REPRESENTATIVE_SEAL.equals(seal.getSealType()) ? PERSONAL_SEAL : ORGANISATION_SEAL;
        var content = new SealEncoder.SealContent(properties.vendorId(), esId, type, seal.getSealName(),
                List.of(certificate), created, validFrom, validTo, "PNG", seal.getPicture(),
                properties.picture().widthMm(), properties.picture().heightMm());
        byte[] sealInfo = encoder.encodeSealInfo(content);
        byte[] makerCertificate = maker.certificate();
        Sm2PublicKey makerKey = Sm2PublicKey.fromSubjectPublicKeyInfo(
                Certificate.getInstance(makerCertificate).getSubjectPublicKeyInfo());
        byte[] signature = device.sign(maker.key(), Sm2.digest(makerKey, sealInfo));
        return encoder.assemble(sealInfo, makerCertificate, signature);
    }
}
