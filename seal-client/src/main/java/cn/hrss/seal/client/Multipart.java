package cn.hrss.seal.client;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

/** A multipart/form-data body (RFC 7578): text fields and files, CRLF line ends, a random boundary. */
final class Multipart {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final String boundary;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    Multipart() {
        byte[] random = new byte[12];
        RANDOM.nextBytes(random);
        boundary = "seal-client-" + HexFormat.of().formatHex(random);
    }

    Multipart field(String name, String value) {
        write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n");
        write(value);
        write("\r\n");
        return this;
    }

    Multipart file(String name, String fileName, String contentType, byte[] content) {
        write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                + fileName.replace("\"", "") + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
        body.writeBytes(content);
        write("\r\n");
        return this;
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    byte[] build() {
        ByteArrayOutputStream done = new ByteArrayOutputStream();
        done.writeBytes(body.toByteArray());
        done.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return done.toByteArray();
    }

    private void write(String s) {
        body.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
