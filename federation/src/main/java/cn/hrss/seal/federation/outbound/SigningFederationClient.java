package cn.hrss.seal.federation.outbound;

import cn.hrss.seal.core.message.HeaderLookup;
import cn.hrss.seal.core.message.MessageContext;
import cn.hrss.seal.core.message.MessageKind;
import cn.hrss.seal.core.message.MessageSigner;
import cn.hrss.seal.core.message.MessageVerification;
import cn.hrss.seal.core.message.MessageVerifier;
import cn.hrss.seal.core.message.SignedMessage;
import cn.hrss.seal.federation.api.DestinationResolver;
import cn.hrss.seal.federation.api.FederationClient;
import cn.hrss.seal.federation.api.FederationException;
import cn.hrss.seal.federation.api.FederationPaths;
import cn.hrss.seal.federation.api.FederationResponse;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * {@link FederationClient} over {@code java.net.http}: signs the request, sends exactly the signed bytes, and
 * accepts only a response signed by a trusted node for this very request (status, method, target and nonce).
 */
final class SigningFederationClient implements FederationClient {
    private final HttpClient http;
    private final MessageSigner signer;
    private final MessageVerifier responseVerifier;
    private final DestinationResolver destinations;
    private final Duration requestTimeout;
    private final long maxBodyBytes;

    SigningFederationClient(HttpClient http, MessageSigner signer, MessageVerifier responseVerifier,
                            DestinationResolver destinations, Duration requestTimeout, long maxBodyBytes) {
        this.http = http;
        this.signer = signer;
        this.responseVerifier = responseVerifier;
        this.destinations = destinations;
        this.requestTimeout = requestTimeout;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public FederationResponse send(String destination, MessageKind kind, String messageId, byte[] body) {
        URI base = destinations.baseUri(destination).orElseThrow(() -> new FederationException(
                "FEDERATION_DESTINATION_UNKNOWN", "no base URI for destination " + destination, null));
        String basePath = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
        URI uri = base.resolve(basePath + FederationPaths.messagePath(kind));
        MessageContext.Request request = new MessageContext.Request("POST", uri.getRawPath());
        SignedMessage signed = signer.sign(request, kind, messageId, body);

        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(signed.body()));
        signed.httpHeaders().forEach(builder::header);
        HttpResponse<InputStream> response;
        byte[] responseBody;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                responseBody = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
            }
        } catch (IOException e) {
            throw new FederationException("FEDERATION_UNREACHABLE", destination + " unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FederationException("FEDERATION_UNREACHABLE", "interrupted calling " + destination, e);
        }
        if (responseBody.length > maxBodyBytes) {
            throw new FederationException("MESSAGE_MALFORMED", "response from " + destination + " too large", null);
        }
        var context = new MessageContext.Response(response.statusCode(), request, signed.headers().nonce());
        HeaderLookup headers = name -> response.headers().allValues(name);
        MessageVerification result = responseVerifier.verify(context, headers, responseBody);
        if (result instanceof MessageVerification.Rejected rejected) {
            throw new FederationException(rejected.problem().code(), "response from " + destination + " (HTTP "
                    + response.statusCode() + ") rejected: " + rejected.reason(), null);
        }
        return new FederationResponse(response.statusCode(), ((MessageVerification.Accepted) result).message());
    }
}
