package cn.hrss.seal.bench.application;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Load driver of the node's data-signing API: N threads, each sending {@code POST /api/v1/sign/data} (multipart
 * {@code esId}, {@code purpose}, {@code sm3}: 32 fresh random bytes in hex per request, bearer token of an API
 * client) back to back for a warm-up and then a measured duration; with {@code --batch N}, {@code POST
 * /api/v1/sign/data/batch} with N fresh digests per request (JSON, answer as DER SEQUENCE OF SES_Signature,
 * {@code --time-stamp false} for signatures without RFC 3161 tokens), counting N signatures per answer. Counts 2xx answers and errors by status, and
 * gives the rate and the latency percentiles of the measured part; with the node's process id, also the node's CPU
 * time from {@code /proc}, so the rate can be read per CPU-second on a machine shared with other work.
 *
 * <pre>
 * SEAL_BENCH_TOKEN=... java -cp benchmarks.jar cn.hrss.seal.bench.application.LoadDriver \
 *     --node http://127.0.0.1:8080 --es-id ESID --purpose 劳动合同 [--threads 2] [--warm-up 10] [--duration 30] \
 *     [--node-pid PID] [--clock-ticks 100]
 * </pre>
 * The token is read from the environment variable {@value #TOKEN_ENV}, so it does not show in the process list.
 * Exit status 3 when the node has no data-signing endpoint (404), 4 on any other refusal of the first request.
 */
public final class LoadDriver {
    static final String TOKEN_ENV = "SEAL_BENCH_TOKEN";
    static final String PATH = "/api/v1/sign/data";
    static final String BATCH_PATH = "/api/v1/sign/data/batch";
    static final String SIGNATURE_LIST = "application/vnd.hrss.ses-signature-list+der";
    static final int NO_ENDPOINT = 3;
    static final int REFUSED = 4;

    private final Settings settings;
    private final HttpClient http;

    /**
     * @param clockTicks the kernel's USER_HZ ({@code getconf CLK_TCK}), the unit of /proc/PID/stat CPU times
     */
    record Settings(URI node, String token, String esId, String purpose, int threads, Duration warmUp,
                    Duration duration, OptionalLong nodePid, int clockTicks, int batch, boolean timeStamp) {
        Settings {
            if (threads < 1 || warmUp.isNegative() || duration.isZero() || duration.isNegative() || clockTicks < 1) {
                throw new IllegalArgumentException("threads and duration must be positive, warm-up not negative");
            }
            if (batch < 0 || batch > 500) {
                throw new IllegalArgumentException("--batch is 0 (single requests) to 500");
            }
        }

        /** The same run with {@code batch} digests per request (0: single requests) and time stamps or not. */
        Settings with(int batch, boolean timeStamp) {
            return new Settings(node, token, esId, purpose, threads, warmUp, duration, nodePid, clockTicks, batch,
                    timeStamp);
        }

        /** The same run with another warm-up and measured duration. */
        Settings timed(Duration warmUp, Duration duration) {
            return new Settings(node, token, esId, purpose, threads, warmUp, duration, nodePid, clockTicks, batch,
                    timeStamp);
        }

        String path() {
            return batch == 0 ? PATH : BATCH_PATH;
        }

        /** What one request is, for reports. */
        String describe() {
            return batch == 0 ? "single requests" : "batches of " + batch + (timeStamp ? ", time-stamped"
                    : ", without time stamps");
        }

        static Settings parse(String[] args, Map<String, String> env) {
            Map<String, String> options = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i += 2) {
                if (!args[i].startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("expected --option value pairs, got: " + String.join(" ", args));
                }
                options.put(args[i].substring(2), args[i + 1]);
            }
            String token = env.get(TOKEN_ENV);
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("set " + TOKEN_ENV + " to the API client's bearer token");
            }
            Settings s = new Settings(URI.create(required(options, "node")), token, required(options, "es-id"),
                    required(options, "purpose"), Integer.parseInt(options.getOrDefault("threads", "2")),
                    Duration.ofSeconds(Long.parseLong(options.getOrDefault("warm-up", "10"))),
                    Duration.ofSeconds(Long.parseLong(options.getOrDefault("duration", "30"))),
                    options.containsKey("node-pid") ? OptionalLong.of(Long.parseLong(options.get("node-pid")))
                            : OptionalLong.empty(),
                    Integer.parseInt(options.getOrDefault("clock-ticks", "100")),
                    Integer.parseInt(options.getOrDefault("batch", "0")),
                    Boolean.parseBoolean(options.getOrDefault("time-stamp", "true")));
            options.keySet().removeAll(List.of("node", "es-id", "purpose", "threads", "warm-up", "duration",
                    "node-pid", "clock-ticks", "batch", "time-stamp"));
            if (!options.isEmpty()) {
                throw new IllegalArgumentException("unknown options: " + options.keySet());
            }
            return s;
        }

        private static String required(Map<String, String> options, String name) {
            String value = options.get(name);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("--" + name + " is required");
            }
            return value;
        }
    }

    /** The first request was not answered with 2xx: the run would measure error handling, not signing. */
    static final class Refused extends Exception {
        final int status;

        Refused(String path, int status, String body) {
            super(status == 404
                    ? "POST " + path + " answered 404: this node has no data-signing endpoint (yet): " + body
                    : "POST " + path + " answered " + status + ": " + body);
            this.status = status;
        }
    }

    /**
     * What a run measured (the warm-up excluded).
     *
     * @param ok             signatures in 2xx answers (a batch answer counts its signatures)
     * @param latenciesNanos of the 2xx answers, sorted
     * @param errors         non-2xx answers by status, "io" for transport failures
     * @param nodeCpuSeconds the node's user + system CPU time, when its process id was given
     * @param driverCpuSeconds this JVM's CPU time
     */
    record Result(int threads, double seconds, long ok, Map<String, Long> errors, long[] latenciesNanos,
                  OptionalDouble nodeCpuSeconds, double driverCpuSeconds, String firstError,
                  Map<String, Double> nodeCpuByThreadGroup) {

        double rate() {
            return ok / seconds;
        }

        OptionalDouble perNodeCpuSecond() {
            return nodeCpuSeconds.isPresent() && nodeCpuSeconds.getAsDouble() > 0
                    ? OptionalDouble.of(ok / nodeCpuSeconds.getAsDouble()) : OptionalDouble.empty();
        }

        OptionalDouble perTotalCpuSecond() {
            return nodeCpuSeconds.isPresent()
                    ? OptionalDouble.of(ok / (nodeCpuSeconds.getAsDouble() + driverCpuSeconds))
                    : OptionalDouble.empty();
        }

        /** Latency percentile in milliseconds (nearest rank), NaN without answers. */
        double percentileMs(double p) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p / 100 * latenciesNanos.length);
            return latenciesNanos[Math.max(0, Math.min(latenciesNanos.length - 1, rank - 1))] / 1e6;
        }

        long errorCount() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }

        List<String> lines() {
            List<String> out = new ArrayList<>();
            out.add(format("load: %d threads, %.1f s measured", threads, seconds));
            out.add(format("answers: %d 2xx (%d signatures), %d errors %s", latenciesNanos.length, ok, errorCount(),
                    errors.isEmpty() ? "" : errors));
            if (firstError != null) {
                out.add("first error: " + firstError);
            }
            out.add(format("rate: %.1f signatures/s", rate()));
            out.add(format("latency: p50 %.2f ms, p99 %.2f ms, max %.2f ms", percentileMs(50), percentileMs(99),
                    percentileMs(100)));
            if (nodeCpuSeconds.isPresent()) {
                out.add(format("node CPU: %.1f s (%.2f cores), %.1f signatures per node CPU-second",
                        nodeCpuSeconds.getAsDouble(), nodeCpuSeconds.getAsDouble() / seconds,
                        perNodeCpuSecond().orElse(Double.NaN)));
            }
            if (!nodeCpuByThreadGroup.isEmpty() && nodeCpuSeconds.isPresent()) {
                // where the node's CPU went: request threads, JIT compiler, GC, database background
                StringBuilder groups = new StringBuilder("node CPU by thread:");
                nodeCpuByThreadGroup.entrySet().stream()
                        .filter(e -> e.getValue() >= 0.01 * nodeCpuSeconds.getAsDouble())
                        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                        .forEach(e -> groups.append(format(" %s %.0f%%,", e.getKey(),
                                100 * e.getValue() / nodeCpuSeconds.getAsDouble())));
                out.add(groups.substring(0, groups.length() - 1));
            }
            out.add(format("driver CPU: %.1f s (%.2f cores)%s", driverCpuSeconds, driverCpuSeconds / seconds,
                    perTotalCpuSecond().isPresent() ? format(", %.1f signatures per CPU-second of node + driver",
                            perTotalCpuSecond().getAsDouble()) : ""));
            return out;
        }
    }

    LoadDriver(Settings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public static void main(String[] args) throws InterruptedException {
        Settings settings;
        try {
            settings = Settings.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("load-driver: " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            new LoadDriver(settings).run().lines().forEach(System.out::println);
        } catch (Refused e) {
            System.err.println("load-driver: " + e.getMessage());
            System.exit(e.status == 404 ? NO_ENDPOINT : REFUSED);
        }
    }

    /** One probing request, the warm-up, then the measured run. */
    Result run() throws Refused, InterruptedException {
        HttpResponse<byte[]> probe = send();
        if (probe == null || probe.statusCode() / 100 != 2) {
            throw new Refused(settings.path(), probe == null ? -1 : probe.statusCode(),
                    probe == null ? "no answer" : text(probe));
        }
        long start = System.nanoTime();
        long measureFrom = start + settings.warmUp().toNanos();
        long measureTo = measureFrom + settings.duration().toNanos();
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < settings.threads(); i++) {
            workers.add(new Worker(measureFrom, measureTo));
        }
        workers.forEach(w -> w.thread.start());
        sleepUntil(measureFrom);
        OptionalDouble nodeCpuAtStart = nodeCpuSeconds();
        Map<String, Double> threadsAtStart = nodeThreadCpuSeconds();
        double driverCpuAtStart = driverCpuSeconds();
        sleepUntil(measureTo);
        OptionalDouble nodeCpuAtEnd = nodeCpuSeconds();
        Map<String, Double> byThread = new TreeMap<>(nodeThreadCpuSeconds());
        threadsAtStart.forEach((group, seconds) -> byThread.computeIfPresent(group, (g, end) -> end - seconds));
        double driverCpuAtEnd = driverCpuSeconds();
        for (Worker w : workers) {
            w.thread.join();
        }
        long ok = 0;
        Map<String, Long> errors = new TreeMap<>();
        List<long[]> latencies = new ArrayList<>();
        String firstError = null;
        for (Worker w : workers) {
            ok += w.ok;
            w.errors.forEach((k, v) -> errors.merge(k, v, Long::sum));
            latencies.add(Arrays.copyOf(w.latencies, w.count));
            if (firstError == null) {
                firstError = w.firstError.get();
            }
        }
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        OptionalDouble nodeCpu = nodeCpuAtStart.isPresent() && nodeCpuAtEnd.isPresent()
                ? OptionalDouble.of(nodeCpuAtEnd.getAsDouble() - nodeCpuAtStart.getAsDouble())
                : OptionalDouble.empty();
        return new Result(settings.threads(), settings.duration().toNanos() / 1e9, ok, errors, all, nodeCpu,
                driverCpuAtEnd - driverCpuAtStart, firstError, byThread);
    }

    /** One client thread: requests back to back, counting only those that start and end inside the window. */
    private final class Worker {
        final Thread thread;
        final Map<String, Long> errors = new TreeMap<>();
        final AtomicReference<String> firstError = new AtomicReference<>();
        long ok;
        long[] latencies = new long[1 << 14];
        int count;

        Worker(long measureFrom, long measureTo) {
            thread = new Thread(() -> loop(measureFrom, measureTo), "load-driver");
        }

        private void loop(long measureFrom, long measureTo) {
            while (true) {
                long begin = System.nanoTime();
                if (begin >= measureTo) {
                    return;
                }
                HttpResponse<byte[]> response = send();
                long end = System.nanoTime();
                if (begin < measureFrom || end > measureTo) {
                    continue;
                }
                if (response != null && response.statusCode() / 100 == 2) {
                    ok += Math.max(1, settings.batch());
                    if (count == latencies.length) {
                        latencies = Arrays.copyOf(latencies, count * 2);
                    }
                    latencies[count++] = end - begin;
                } else {
                    errors.merge(response == null ? "io" : String.valueOf(response.statusCode()), 1L, Long::sum);
                    firstError.compareAndSet(null, response == null ? "no answer (I/O error)"
                            : response.statusCode() + " " + text(response));
                }
            }
        }
    }

    /** One data-signing request with fresh digests; null on a transport failure. */
    private HttpResponse<byte[]> send() {
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.node().resolve(settings.path()))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + settings.token());
        if (settings.batch() == 0) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("esId", settings.esId());
            fields.put("purpose", settings.purpose());
            fields.put("sm3", freshDigest());
            Multipart body = Multipart.of(fields);
            request.header("Content-Type", body.contentType())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.body()));
        } else {
            StringBuilder json = new StringBuilder("{\"esId\":\"").append(jsonText(settings.esId()))
                    .append("\",\"purpose\":\"").append(jsonText(settings.purpose())).append("\",\"timeStamp\":")
                    .append(settings.timeStamp()).append(",\"sm3\":[");
            for (int i = 0; i < settings.batch(); i++) {
                json.append(i == 0 ? "\"" : ",\"").append(freshDigest()).append('"');
            }
            json.append("]}");
            request.header("Content-Type", "application/json").header("Accept", SIGNATURE_LIST)
                    .POST(HttpRequest.BodyPublishers.ofString(json.toString(), StandardCharsets.UTF_8));
        }
        return exchange(request.build());
    }

    private static String freshDigest() {
        byte[] sm3 = new byte[32];
        ThreadLocalRandom.current().nextBytes(sm3);
        return HexFormat.of().formatHex(sm3);
    }

    /** The few characters JSON needs escaped in a string (esId and purpose are plain text). */
    static String jsonText(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private HttpResponse<byte[]> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** User + system CPU seconds of the node process, from fields 14 and 15 of /proc/PID/stat. */
    private OptionalDouble nodeCpuSeconds() {
        if (settings.nodePid().isEmpty()) {
            return OptionalDouble.empty();
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(settings.nodePid().getAsLong()), "stat"));
            return OptionalDouble.of(cpuSeconds(stat));
        } catch (IOException | RuntimeException e) {
            return OptionalDouble.empty();
        }
    }

    /**
     * CPU seconds of the node's threads grouped by name without digits ("http-nio-N-exec-N", "C2 CompilerThreadN"
     * becomes "CN CompilerThreadN"), from /proc/PID/task; empty without a process id. Threads that end in between
     * are missing from the end figure, so the groups are an approximation of where the time went.
     */
    private Map<String, Double> nodeThreadCpuSeconds() {
        Map<String, Double> groups = new TreeMap<>();
        if (settings.nodePid().isEmpty()) {
            return groups;
        }
        Path tasks = Path.of("/proc", Long.toString(settings.nodePid().getAsLong()), "task");
        try (var threads = Files.list(tasks)) {
            threads.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    groups.merge(name.replaceAll("[0-9]+", "N"), cpuSeconds(stat), Double::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended while being read
                }
            });
        } catch (IOException e) {
            return Map.of();
        }
        return groups;
    }

    /** User + system CPU seconds in a /proc stat line (fields 14 and 15, counted after the command's ')'). */
    private double cpuSeconds(String stat) {
        // the command name (field 2) may contain spaces
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) settings.clockTicks();
    }

    private static double driverCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, left / 1_000_000));
        }
    }

    private static String text(HttpResponse<byte[]> response) {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
