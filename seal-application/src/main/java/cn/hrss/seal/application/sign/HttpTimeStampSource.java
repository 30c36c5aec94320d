package cn.hrss.seal.application.sign;

import cn.hrss.seal.core.error.SealException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * RFC 3161 over HTTP: POSTs an {@code application/timestamp-query} with an SM3 imprint, a nonce and certReq to
 * a TSA such as the embedded CA's {@code /ca/tsa}, and checks that the granted token answers this request
 * (imprint and nonce). The token's signature and the TSA certificate are judged by the verifier, not here.
 */
public final class HttpTimeStampSource implements TimeStampSource {
    /** A token with a certificate chain is a few KiB; anything far larger is not an answer to us. */
    private static final int MAX_RESPONSE = 256 * 1024;

    private final URI url;
    private final Duration timeout;
    private final HttpClient client;
    private final Rfc3161TimeStampSource exchange = new Rfc3161TimeStampSource(this::post);

    public HttpTimeStampSource(URI url, Duration timeout) {
        this.url = Objects.requireNonNull(url, "url");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public byte[] timeStamp(byte[] sm3Imprint) {
        return exchange.timeStamp(sm3Imprint);
    }

    private byte[] post(byte[] query) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/timestamp-query")
                .POST(HttpRequest.BodyPublishers.ofByteArray(query)).build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new SealException(UNAVAILABLE, 502, "TSA answered HTTP " + response.statusCode());
                }
                byte[] bytes = body.readNBytes(MAX_RESPONSE + 1);
                if (bytes.length > MAX_RESPONSE) {
                    throw new SealException(UNAVAILABLE, 502, "TSA response larger than " + MAX_RESPONSE + " bytes");
                }
                return bytes;
            }
        } catch (IOException e) {
            throw new SealException(UNAVAILABLE, 502, "TSA " + url + " unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SealException(UNAVAILABLE, 502, "interrupted while waiting for the TSA");
        }
    }
}
