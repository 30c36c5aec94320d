package cn.hrss.seal.application.online;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;

/** HTTP with a timeout and a bound on the answer size, so a slow or hostile server cannot stall or flood us. */
final class LimitedHttp {
    private final HttpClient client;
    private final Duration timeout;
    private final int maxBytes;

    LimitedHttp(Duration timeout, int maxBytes) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.maxBytes = maxBytes;
        this.client = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    record Answer(int status, HttpHeaders headers, byte[] body) {
    }

    Answer get(URI uri) throws OnlineException {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    Answer post(URI uri, String contentType, byte[] body) throws OnlineException {
        return send(HttpRequest.newBuilder(uri).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private Answer send(HttpRequest.Builder request) throws OnlineException {
        HttpRequest built = request.timeout(timeout).build();
        try {
            HttpResponse<InputStream> response = client.send(built, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                byte[] body = in.readNBytes(maxBytes + 1);
                if (body.length > maxBytes) {
                    throw new OnlineException(built.uri().getHost() + " answered more than " + maxBytes + " bytes");
                }
                return new Answer(response.statusCode(), response.headers(), body);
            }
        } catch (HttpTimeoutException e) {
            throw new OnlineException("no answer from " + built.uri().getHost() + " within " + timeout, e);
        } catch (IOException e) {
            throw new OnlineException(built.uri().getHost() + " not reachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OnlineException("interrupted while asking " + built.uri().getHost(), e);
        } catch (IllegalArgumentException e) {
            throw new OnlineException("bad URL " + built.uri(), e);
        }
    }
}
