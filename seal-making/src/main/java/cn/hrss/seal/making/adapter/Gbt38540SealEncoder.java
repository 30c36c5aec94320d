package cn.hrss.seal.making.adapter;

import cn.hrss.seal.core.ses.SealMaker;
import cn.hrss.seal.core.ses.v4.SealInfo;
import cn.hrss.seal.making.port.SealEncoder;

/** {@link SealEncoder} over seal-core's GB/T 38540 v4 classes. */
public final class Gbt38540SealEncoder implements SealEncoder {

    @Override
    public byte[] encodeSealInfo(SealContent c) {
        SealInfo.Builder builder = SealInfo.builder()
                .vendorId(c.vendorId())
                .esId(c.esId())
                .sealType(c.type())
                .name(c.name())
                .createDate(c.createDate())
                .validity(c.validStart(), c.validEnd())
                .picture(c.pictureType(), c.picture(), c.widthMm(), c.heightMm());
        c.signerCertificates().forEach(builder::signerCertificate);
        return SealMaker.dataToBeSigned(builder.build());
    }

    /** Assembling also checks the maker signature against the maker certificate (seal-core's SealMaker). */
    @Override
    public byte[] assemble(byte[] sealInfo, byte[] makerCertificate, byte[] signature) {
        return SealMaker.assemble(SealInfo.getInstance(sealInfo), makerCertificate, signature).encoded();
    }
}
