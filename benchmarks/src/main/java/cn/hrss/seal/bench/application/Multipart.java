package cn.hrss.seal.bench.application;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** A multipart/form-data body of text fields (RFC 7578), what a business system's HTTP library sends. */
final class Multipart {
    private final String boundary;
    private final byte[] body;

    private Multipart(String boundary, byte[] body) {
        this.boundary = boundary;
        this.body = body;
    }

    static Multipart of(Map<String, String> fields) {
        byte[] random = new byte[12];
        ThreadLocalRandom.current().nextBytes(random);
        String boundary = "seal-bench-" + HexFormat.of().formatHex(random);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fields.forEach((name, value) -> {
            if (name.contains("\"") || name.contains("\r") || name.contains("\n")) {
                throw new IllegalArgumentException("field name not usable in a multipart header: " + name);
            }
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n"
                    + value + "\r\n").getBytes(StandardCharsets.UTF_8));
        });
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new Multipart(boundary, out.toByteArray());
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    byte[] body() {
        return body.clone();
    }
}
