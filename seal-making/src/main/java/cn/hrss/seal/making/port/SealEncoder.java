package cn.hrss.seal.making.port;

import java.time.Instant;
import java.util.List;

/**
 * GB/T 38540 (v4) {@code SES_Seal} encoding in two halves around the device signature: the maker signs
 * DER(SES_SealInfo) with SM3withSM2, and the seal is assembled from that and the signature.
 */
public interface SealEncoder {

    /** Step 1: DER of {@code SES_SealInfo}, the bytes the maker signs. */
    byte[] encodeSealInfo(SealContent content);

    /** Step 3: DER of {@code SESeal} from the signed SealInfo, the maker certificate and the DER SM2 signature. */
    byte[] assemble(byte[] sealInfo, byte[] makerCertificate, byte[] signature);

    /**
     * What goes into {@code SES_SealInfo}.
     *
     * @param type          SES_ESPropertyInfo.type
     * @param signerCertificates the seal certificate(s) (certListType 1, full DER)
     * @param pictureType   "PNG"
     * @param widthMm       display width in millimetres
     */
    record SealContent(String vendorId, String esId, int type, String name, List<byte[]> signerCertificates,
                       Instant createDate, Instant validStart, Instant validEnd,
                       String pictureType, byte[] picture, int widthMm, int heightMm) {
        public SealContent {
            signerCertificates = signerCertificates.stream().map(byte[]::clone).toList();
            picture = picture.clone();
        }

        @Override
        public List<byte[]> signerCertificates() {
            return signerCertificates.stream().map(byte[]::clone).toList();
        }

        @Override
        public byte[] picture() {
            return picture.clone();
        }
    }
}
