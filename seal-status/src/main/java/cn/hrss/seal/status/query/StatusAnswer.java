package cn.hrss.seal.status.query;

import cn.hrss.seal.status.api.SealStatusRecord;
import cn.hrss.seal.status.publish.StatusTimes;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The signed answer to a status query, written field by field so the signed bytes are exactly what is sent:
 * {@code {"esId","status","since"?,"reason"?,"at"?,"checkedAt","nextUpdate"}}, absent fields omitted, UTF-8.
 * {@code at} echoes the time asked about, so an answer about one time cannot be passed off as one about another.
 */
record StatusAnswer(SealStatusRecord record, Instant at, Instant checkedAt, Instant nextUpdate) {
    private static final JsonFactory JSON = new JsonFactory();

    byte[] toJson() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("esId", record.esId());
            g.writeStringField("status", record.status().name());
            if (record.since() != null) {
                g.writeStringField("since", StatusTimes.format(record.since()));
            }
            if (record.reason() != null) {
                g.writeStringField("reason", record.reason());
            }
            if (at != null) {
                g.writeStringField("at", StatusTimes.format(at));
            }
            g.writeStringField("checkedAt", StatusTimes.format(checkedAt));
            g.writeStringField("nextUpdate", StatusTimes.format(nextUpdate));
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
