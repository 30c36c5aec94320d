package cn.hrss.seal.application.business;

import cn.hrss.seal.core.crypto.Sm3;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The items of a batch signing, kept beside its single audit record: the record carries {@link #itemsSm3}, which
 * commits to every (document, signature) pair listed here.
 */
@Component
class SignedItems {
    private final JdbcTemplate jdbc;

    SignedItems(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** SM3 of the lines {@code "<item> <documentSm3> <signedSm3>\n"}, hex. */
    static String itemsSm3(List<String> documentSm3, List<String> signedSm3) {
        StringBuilder lines = new StringBuilder(documentSm3.size() * 140);
        for (int i = 0; i < documentSm3.size(); i++) {
            lines.append(i).append(' ').append(documentSm3.get(i)).append(' ').append(signedSm3.get(i)).append('\n');
        }
        return HexFormat.of().formatHex(Sm3.hash(lines.toString().getBytes(StandardCharsets.US_ASCII)));
    }

    void store(String signId, List<String> documentSm3, List<String> signedSm3) {
        List<Object[]> rows = new ArrayList<>(documentSm3.size());
        for (int i = 0; i < documentSm3.size(); i++) {
            rows.add(new Object[] {signId, i, documentSm3.get(i), signedSm3.get(i)});
        }
        jdbc.batchUpdate("INSERT INTO application_signed_item (sign_id, item, document_sm3, signed_sm3) "
                + "VALUES (?, ?, ?, ?)", rows);
    }
}
