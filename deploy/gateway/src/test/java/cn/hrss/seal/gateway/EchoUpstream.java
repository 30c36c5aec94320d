package cn.hrss.seal.gateway;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;

/**
 * Stand-in for the seal node: records every request (raw target, headers, body bytes) and echoes the body back
 * with a signed-looking response header. Not under test.
 */
final class EchoUpstream implements AutoCloseable {

    record Recorded(String method, String target, Map<String, List<String>> headers, byte[] body) {
        Optional<String> header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Recorded> requests = new ConcurrentLinkedQueue<>();

    EchoUpstream() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
            requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().toString(), headers, body));
            exchange.getResponseHeaders().add("Seal-Signature", "upstream-signature");
            exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
            exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The request whose raw target (path and query as sent) is exactly {@code target}. */
    Optional<Recorded> received(String target) {
        return requests.stream().filter(r -> r.target().equals(target)).findFirst();
    }

    boolean sawPathStartingWith(String prefix) {
        return requests.stream().anyMatch(r -> r.target().startsWith(prefix));
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
