package cn.hrss.seal.cli;

import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.crypto.Sm3;
import cn.hrss.seal.core.device.Sm2PublicKey;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.bouncycastle.tsp.TimeStampRequest;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The node endpoints the CLI talks to, on loopback: RFC 3161 TSA ({@code /ca/tsa}), node certificate
 * ({@code /ca/node.pem}) and signed seal status answers ({@code /api/v1/seal-status/{esId}?at=}) in the format of
 * docs/STATUS.md.
 */
final class TestNode implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, String> statuses = new ConcurrentHashMap<>();
    private final AtomicLong serials = new AtomicLong();

    TestNode(CliTestPki pki) throws IOException {
        ImportedKeyDevice nodeDevice = new ImportedKeyDevice(pki.nodeKey);
        Sm2PublicKey nodeKey = CliTestPki.publicKey(pki.nodeKey);
        String signerId = HexFormat.of().formatHex(Sm3.hash(nodeKey.uncompressed()));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ca/tsa", exchange -> {
            try {
                TimeStampRequest request = new TimeStampRequest(exchange.getRequestBody().readAllBytes());
                // a content signer signs once: a fresh responder per token
                answer(exchange, 200, "application/timestamp-reply", pki.timeStampResponder().generate(request,
                        BigInteger.valueOf(serials.incrementAndGet()), new Date()).getEncoded());
            } catch (Exception e) {
                answer(exchange, 400, "text/plain", new byte[0]);
            }
        });
        server.createContext("/ca/node.pem", exchange -> answer(exchange, 200, "application/x-pem-file",
                CliTestPki.pem(pki.node).getBytes(StandardCharsets.US_ASCII)));
        server.createContext("/api/v1/seal-status/", exchange -> {
            String esId = exchange.getRequestURI().getPath().substring("/api/v1/seal-status/".length());
            String query = exchange.getRequestURI().getQuery();
            Instant at = Instant.parse(query.substring(query.indexOf("at=") + 3));
            String status = statuses.getOrDefault(esId, "UNKNOWN");
            byte[] body = ("{\"esId\":\"" + esId + "\",\"status\":\"" + status + "\""
                    + ("REVOKED".equals(status) ? ",\"reason\":\"unit dissolved\"" : "") + ",\"at\":\"" + at
                    + "\",\"checkedAt\":\"" + Instant.now() + "\"}").getBytes(StandardCharsets.UTF_8);
            byte[] signature = nodeDevice.sign(ImportedKeyDevice.SEAL_KEY, Sm2.digest(nodeKey, body));
            exchange.getResponseHeaders().add("Seal-Signature", Base64.getEncoder().encodeToString(signature));
            exchange.getResponseHeaders().add("Seal-Signer", signerId);
            answer(exchange, 200, "application/json", body);
        });
        server.start();
    }

    void status(String esId, String status) {
        statuses.put(esId, status);
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static void answer(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
