package cn.hrss.seal.application.portal;

import cn.hrss.seal.application.report.ReportView;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A verification report as the portal shows it: the published {@link ReportView} (the same facts as the JSON and
 * PDF reports) in the reader's language, times in Beijing time, checks explained in plain words, and the seal
 * picture as a data: URI when it really is a PNG or JPEG.
 */
record PortalReport(String verdict, String verdictText, String validationTime, String documentType,
                    List<CheckLine> documentChecks, List<Seal> signatures) {
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    /** One check: what it is, its verdict, the explanation and the verifier's own (technical) reason and code. */
    record CheckLine(String name, String verdict, String verdictText, String explanation, String reason, String code,
                     boolean decisive) {
    }

    /**
     * One signature with its seal.
     *
     * @param picture a data: URI of a PNG/JPEG picture, or null (then {@code pictureNote} says why)
     */
    record Seal(String name, String verdict, String verdictText, String sealName, String esId, String maker,
                String validity, String signer, String claimedTime, String timeStampTime, String picture,
                String pictureNote, List<CheckLine> checks) {
    }

    static PortalReport of(ReportView report, PortalTexts.In texts) {
        return new PortalReport(report.verdict(), texts.get("verdict." + report.verdict()),
                time(report.validationTime(), texts), report.documentType(),
                report.documentChecks().stream().map(c -> line(c, texts)).toList(),
                report.signatures().stream().map(s -> seal(s, texts)).toList());
    }

    private static Seal seal(ReportView.SignatureView s, PortalTexts.In texts) {
        Optional<byte[]> bytes = s.picture();
        String picture = bytes.flatMap(PortalReport::dataUri).orElse(null);
        String note = picture != null ? null : bytes.isEmpty() ? texts.get("seal.picture.none")
                : texts.get("seal.picture.unsupported", s.sealPictureType());
        String validity = s.sealValidFrom() == null ? null
                : time(s.sealValidFrom(), texts) + " – " + time(s.sealValidTo(), texts);
        return new Seal(s.name(), s.verdict(), texts.get("verdict." + s.verdict()), s.sealName(), s.esId(),
                s.sealMaker(), validity, s.signer(), time(s.claimedTime(), texts), time(s.timeStampTime(), texts),
                picture, note, s.checks().stream().map(c -> line(c, texts)).toList());
    }

    /**
     * The explanation of a result: for its code under its check, else for its code, else the verifier's reason
     * (codes this portal does not know yet still say something true).
     */
    private static CheckLine line(ReportView.CheckView c, PortalTexts.In texts) {
        String explanation = texts.getOr("code." + c.check() + "." + c.code(),
                texts.getOr("code." + c.code(), c.reason()));
        return new CheckLine(texts.getOr("check." + c.check(), c.check()), c.verdict(),
                texts.get("verdict." + c.verdict()), explanation, c.reason(), c.code(), c.decisive());
    }

    /** Only what the browser will show as an image, recognised by its bytes: never the seal's own type label. */
    static Optional<String> dataUri(byte[] picture) {
        String type = startsWith(picture, PNG) ? "image/png" : startsWith(picture, JPEG) ? "image/jpeg" : null;
        return Optional.ofNullable(type)
                .map(t -> "data:" + t + ";base64," + Base64.getEncoder().encodeToString(picture));
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String time(String iso, PortalTexts.In texts) {
        return iso == null ? null
                : TIME.format(Instant.parse(iso).atZone(BEIJING)) + " " + texts.get("time.zone");
    }
}
