package cn.hrss.seal.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A real local EVM chain for tests: ganache from the evidence-anchor-evm module's npm install, started as its own
 * process on a free port, gas-free (gas price 0, as consortium chains run), chain id {@link #CHAIN_ID}.
 */
public final class LocalEvmChain implements AutoCloseable {
    public static final long CHAIN_ID = 1337;
    private final Process process;
    private final int port;
    private final Path logFile;

    private LocalEvmChain(Process process, int port, Path logFile) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
    }

    public static LocalEvmChain start() {
        try {
            return start(Files.createTempFile("ganache", ".log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param logFile where ganache's output goes */
    public static LocalEvmChain start(Path logFile) {
        Path ganache = findGanache().orElseThrow(() -> new IllegalStateException(
                "ganache not found: build evidence-anchor-evm (npm ci) or set -Dganache.bin"));
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Process process = new ProcessBuilder(ganache.toString(), "--server.host", "127.0.0.1",
                    "--server.port", Integer.toString(port), "--chain.chainId", Long.toString(CHAIN_ID),
                    "--chain.hardfork", "berlin", "--miner.defaultGasPrice", "0", "--logging.quiet", "true",
                    "--wallet.totalAccounts", "1")
                    .redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
            LocalEvmChain chain = new LocalEvmChain(process, port, logFile);
            chain.awaitReady(Duration.ofSeconds(60));
            return chain;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI rpcUrl() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Stops the chain (as an outage would) without forgetting its port. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10,
                    java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void awaitReady(Duration timeout) throws IOException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("ganache exited: " + Files.readString(logFile));
            }
            try {
                HttpURLConnection c = (HttpURLConnection) rpcUrl().toURL().openConnection();
                c.setRequestMethod("POST");
                c.setDoOutput(true);
                c.setRequestProperty("Content-Type", "application/json");
                c.getOutputStream().write("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}"
                        .getBytes(StandardCharsets.US_ASCII));
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        close();
        throw new IllegalStateException("ganache did not answer within " + timeout + ": " + Files.readString(logFile));
    }

    /**
     * System property {@code ganache.bin}, else evidence-anchor-evm/node_modules/.bin/ganache in the working directory
     * or above it (the build's npm install); empty when neither is there.
     */
    public static Optional<Path> findGanache() {
        String configured = System.getProperty("ganache.bin");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("evidence-anchor-evm/node_modules/.bin/ganache");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
