package cn.hrss.seal.bench.status;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Runs the status benchmarks on one database for the whole run: creates it, loads the target table (10^6 seals,
 * 10^5 revoked), publishes the first revocation list as a node does at start-up, hands the database to every JMH
 * fork, prints the summary and the size of the last list, and drops the database. Arguments are ordinary JMH
 * command-line options. Used by {@code scripts/bench-status.sh}.
 */
public final class StatusBenchReport {
    private StatusBenchReport() {
    }

    public static void main(String[] args) throws CommandLineOptionException, RunnerException, SQLException {
        CommandLineOptions jmh = new CommandLineOptions(args);
        long started = System.nanoTime();
        try (BenchDatabase db = BenchDatabase.createAndLoad(SealTable.target(Instant.now()),
                line -> System.out.println("bench-status: " + line))) {
            try (StatusNode node = StatusNode.start(db)) {
                node.publishRevocationList();
            }
            System.out.printf("bench-status: database ready in %.0f s%n", (System.nanoTime() - started) / 1e9);
            Collection<RunResult> results = new Runner(new OptionsBuilder().parent(jmh)
                    .jvmArgsAppend(db.forkArguments().toArray(String[]::new)).build()).run();
            List<StatusMeasurement> measurements = results.stream().map(StatusMeasurement::of).toList();
            System.out.println();
            System.out.println("## Summary (ratios to the baselines measured in this run)");
            System.out.println();
            System.out.print(StatusMeasurement.toMarkdown(measurements));
            System.out.println();
            System.out.println(lastList(db));
        }
    }

    /** Number, entries and size of the newest stored list. */
    private static String lastList(BenchDatabase db) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT number, entry_count, octet_length(document)"
                     + " FROM seal_status_srl ORDER BY number DESC LIMIT 1")) {
            return rs.next()
                    ? String.format("last revocation list: number %d, %,d entries, %,d bytes (of %,d seals)",
                    rs.getLong(1), rs.getInt(2), rs.getLong(3), db.table().seals())
                    : "no revocation list stored";
        }
    }
}
