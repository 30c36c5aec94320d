package cn.hrss.seal.status.srl;

import cn.hrss.seal.status.persistence.ListedEntryRow;
import cn.hrss.seal.status.publish.StatusTimes;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Iterator;

/**
 * Writes the seal revocation list document, streaming the entries as they come from the database:
 * <pre>
 * {"version":1,"issuer":"...","signerCertId":"HEX","number":N,"thisUpdate":"T","nextUpdate":"T",
 *  "entries":[{"esId":"...","status":"REVOKED|SUSPENDED","since":"T","reason":"..."}, ...]}
 * </pre>
 * UTF-8, no whitespace, members in this order, {@code reason} omitted when none was recorded. The signature covers
 * these exact bytes; verifiers never re-serialise.
 */
final class RevocationListWriter {
    static final int FORMAT_VERSION = 1;
    private static final JsonFactory JSON = new JsonFactory();

    private RevocationListWriter() {
    }

    /** Writes the document and returns the number of entries. */
    static int write(Header header, Iterator<ListedEntryRow> entries, OutputStream out) throws IOException {
        int count = 0;
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("version", FORMAT_VERSION);
            g.writeStringField("issuer", header.issuer());
            g.writeStringField("signerCertId", header.signerCertId());
            g.writeNumberField("number", header.number());
            g.writeStringField("thisUpdate", StatusTimes.format(header.thisUpdate()));
            g.writeStringField("nextUpdate", StatusTimes.format(header.nextUpdate()));
            g.writeArrayFieldStart("entries");
            while (entries.hasNext()) {
                ListedEntryRow entry = entries.next();
                g.writeStartObject();
                g.writeStringField("esId", entry.esId());
                g.writeStringField("status", entry.status().name());
                g.writeStringField("since", StatusTimes.format(entry.since()));
                if (entry.reason() != null) {
                    g.writeStringField("reason", entry.reason());
                }
                g.writeEndObject();
                count++;
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return count;
    }

    record Header(String issuer, String signerCertId, long number, Instant thisUpdate, Instant nextUpdate) {
    }
}
