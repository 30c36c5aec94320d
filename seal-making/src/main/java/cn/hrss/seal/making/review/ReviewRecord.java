package cn.hrss.seal.making.review;

import cn.hrss.seal.core.crypto.Sm3;
import cn.hrss.seal.making.persistence.ApplicationRow;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;

/**
 * What a reviewer decided, in the canonical form the maker key signs: UTF-8 lines {@code name=value}, fixed order,
 * ending with the opinion (the only free text, so it comes last and may contain anything). The application is bound
 * by the SM3 digest of its reviewed fields.
 */
record ReviewRecord(String applicationId, String decision, String reviewer, Instant reviewedAt,
                    String applicationDigest, String opinion) {
    static final String HEADER = "HRSS-SEAL-REVIEW/1";

    static ReviewRecord of(ApplicationRow a, String decision, String reviewer, Instant at, String opinion) {
        return new ReviewRecord(a.getId(), decision, reviewer, at, digest(a), opinion);
    }

    byte[] toBeSigned() {
        return (HEADER + "\napplication=" + applicationId + "\ndecision=" + decision + "\nreviewer=" + reviewer
                + "\nreviewedAt=" + reviewedAt + "\napplicationSm3=" + applicationDigest + "\nopinion=" + opinion)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** SM3 over the fields the reviewer saw; personal data enters as its stored ciphertext. */
    static String digest(ApplicationRow a) {
        byte[][] parts = {
                text(a.getId()), text(a.getKind().name()), text(a.getUnitCreditCode()), text(a.getUnitRegionCode()),
                text(a.getUnitType()), text(a.getUnitName()), text(a.getUnitAddress()), text(a.getAgentName()),
                a.getAgentIdNumberEnc(), a.getAgentPhoneEnc(), text(a.getApproverUnitName()),
                text(a.getApproverRegionCode()), text(a.getSealName()), text(a.getSealType()),
                text(a.getScope().name()), text(Integer.toString(a.getValidityDays())), text(a.getDelivery().name()),
                a.getPicture() == null ? new byte[0] : Sm3.hash(a.getPicture()),
                a.getHolderPublicKey() == null ? new byte[0] : a.getHolderPublicKey()};
        byte[][] framed = new byte[parts.length * 2][];
        for (int i = 0; i < parts.length; i++) {
            // length-prefix each field so that no two applications share an encoding
            int n = parts[i].length;
            framed[2 * i] = new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
            framed[2 * i + 1] = parts[i];
        }
        return HexFormat.of().formatHex(Sm3.hash(framed));
    }

    private static byte[] text(String s) {
        return s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8);
    }
}
