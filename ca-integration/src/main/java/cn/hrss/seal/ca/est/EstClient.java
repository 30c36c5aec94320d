package cn.hrss.seal.ca.est;

import cn.hrss.seal.ca.api.ExternalCaClient;
import cn.hrss.seal.core.error.SealException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** {@link ExternalCaClient} over EST (RFC 7030) with HTTP Basic enrolment credentials. */
final class EstClient implements ExternalCaClient {
    private final HttpClient http;
    private final URI base;
    private final String authorization;
    private final Duration timeout;

    EstClient(HttpClient http, EstClientProperties properties) {
        this.http = http;
        String url = properties.baseUrl().toString().replaceAll("/+$", "");
        this.base = URI.create(url + "/.well-known/est/");
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (properties.username() + ":" + properties.password()).getBytes(StandardCharsets.UTF_8));
        this.timeout = properties.timeout();
    }

    @Override
    public List<X509CertificateHolder> caCertificates() {
        return certsOnly(send(HttpRequest.newBuilder(base.resolve("cacerts")).timeout(timeout).GET().build()));
    }

    @Override
    public X509CertificateHolder enroll(PKCS10CertificationRequest request) {
        byte[] body;
        try {
            body = Base64.getMimeEncoder().encode(request.getEncoded());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot encode the certification request", e);
        }
        HttpRequest post = HttpRequest.newBuilder(base.resolve("simpleenroll"))
                .timeout(timeout)
                .header("Content-Type", "application/pkcs10")
                .header("Content-Transfer-Encoding", "base64")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        // The reply may carry more than the new certificate; ours is the one for the requested key.
        return certsOnly(send(post)).stream()
                .filter(c -> c.getSubjectPublicKeyInfo().equals(request.getSubjectPublicKeyInfo()))
                .findFirst()
                .orElseThrow(() -> badResponse("no certificate for the requested key in the reply"));
    }

    private byte[] send(HttpRequest request) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new SealException("EXTERNAL_CA_UNAVAILABLE", 502, "EST server " + base + " not reachable: "
                    + e.getMessage(), Map.of(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SealException("EXTERNAL_CA_UNAVAILABLE", 503, "interrupted while calling the EST server",
                    Map.of(), e);
        }
        if (response.statusCode() != 200) {
            // 202 (enrolment pending, RFC 7030 4.2.3) is a rejection for now: we do not poll.
            throw new SealException("EXTERNAL_CA_REJECTED", 502, "EST server answered HTTP " + response.statusCode(),
                    Map.of("httpStatus", response.statusCode()), null);
        }
        return response.body();
    }

    private static List<X509CertificateHolder> certsOnly(byte[] body) {
        try {
            return CertsOnly.decode(body);
        } catch (IllegalArgumentException e) {
            throw badResponse(e.getMessage());
        }
    }

    private static SealException badResponse(String message) {
        return new SealException("EXTERNAL_CA_BAD_RESPONSE", 502, message, Map.of(), null);
    }
}
