package cn.hrss.seal.statusfed;

import cn.hrss.seal.core.error.SealException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/** The exact JSON of the message bodies: ISO-8601 times, unknown fields refused (a new shape is a new version). */
final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private Json() {
    }

    static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> T read(byte[] body, Class<T> type, String errorCode) {
        try {
            T value = MAPPER.readValue(body, type);
            if (value == null) {
                throw SealException.badRequest(errorCode, "empty body");
            }
            return value;
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw SealException.badRequest(errorCode, "malformed body: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw SealException.badRequest(errorCode, "unreadable body");
        }
    }
}
