package cn.hrss.seal.application.verify;

import cn.hrss.seal.core.ses.SealView;
import org.bouncycastle.cert.X509CertificateHolder;

import java.io.IOException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a report shows of the seal embedded in a signature: who it belongs to, who made it, and its picture, so that
 * a citizen can compare the stamp on the page with the seal that was really used.
 *
 * @param maker       subject DN of the seal maker's certificate, if it could be read
 * @param pictureType picture format as the seal names it ("png", "jpg", "ofd", ...)
 * @param picture     the picture bytes; widths in millimetres
 */
public record SealDetails(String esId, String name, Optional<String> maker, String pictureType, byte[] picture,
                          int widthMm, int heightMm, Instant validStart, Instant validEnd) {
    public SealDetails {
        Objects.requireNonNull(esId, "esId");
        Objects.requireNonNull(name, "name");
        picture = picture.clone();
    }

    @Override
    public byte[] picture() {
        return picture.clone();
    }

    public static SealDetails of(SealView seal) {
        Optional<String> maker;
        try {
            maker = Optional.of(CertificatePathValidator.name(new X509CertificateHolder(seal.makerCertificate()).getSubject()));
        } catch (IOException | RuntimeException e) {
            maker = Optional.empty();
        }
        SealView.Picture p = seal.picture();
        return new SealDetails(seal.esId(), seal.name(), maker, p.type(), p.data(), p.widthMm(), p.heightMm(),
                seal.validStart(), seal.validEnd());
    }
}
