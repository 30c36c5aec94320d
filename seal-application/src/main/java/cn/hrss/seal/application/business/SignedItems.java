package cn.hrss.seal.application.business;

import cn.hrss.seal.core.crypto.Sm3;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

/**
 * The items of a batch signing, kept beside its single audit record: one row whose text the record commits to by
 * its SM3 ({@code itemsSm3}).
 */
@Component
class SignedItems {
    private final JdbcTemplate jdbc;

    SignedItems(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The lines {@code "<item> <documentSm3> <signedSm3>\n"}, in item order. */
    static String lines(List<String> documentSm3, List<String> signedSm3) {
        StringBuilder lines = new StringBuilder(documentSm3.size() * 140);
        for (int i = 0; i < documentSm3.size(); i++) {
            lines.append(i).append(' ').append(documentSm3.get(i)).append(' ').append(signedSm3.get(i)).append('\n');
        }
        return lines.toString();
    }

    /** Stores the items and returns their SM3 (hex), for the audit record. */
    String store(String signId, List<String> documentSm3, List<String> signedSm3) {
        String lines = lines(documentSm3, signedSm3);
        jdbc.update("INSERT INTO application_signed_items (sign_id, item_count, items) VALUES (?, ?, ?)", signId,
                documentSm3.size(), lines);
        return HexFormat.of().formatHex(Sm3.hash(lines.getBytes(StandardCharsets.US_ASCII)));
    }
}
