package cn.hrss.seal.demo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One scratch PostgreSQL database per node of a benchmark's topology (user postgres, trust auth); dropped at close. */
final class BenchDatabases implements AutoCloseable {
    private final String pg;
    private final Map<String, String> names = new LinkedHashMap<>();

    BenchDatabases(String pg, Topology topology, String prefix) throws SQLException {
        this.pg = pg;
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        try (Connection admin = DriverManager.getConnection(pg + "postgres", "postgres", "");
             Statement s = admin.createStatement()) {
            for (Topology.Member m : topology.members()) {
                String db = prefix + "_" + m.name() + "_" + suffix;
                s.execute("CREATE DATABASE " + db);
                names.put(m.name(), db);
            }
        }
    }

    /** The node's database name. */
    String name(String node) {
        return names.get(node);
    }

    /** Command-line arguments that point each node at its database. */
    Map<String, List<String>> nodeArguments() {
        Map<String, List<String>> args = new HashMap<>();
        names.forEach((node, db) -> args.put(node, List.of("--spring.datasource.url=" + pg + db,
                "--spring.datasource.username=postgres", "--spring.datasource.password=")));
        return args;
    }

    @Override
    public void close() throws SQLException {
        try (Connection admin = DriverManager.getConnection(pg + "postgres", "postgres", "");
             Statement s = admin.createStatement()) {
            for (String db : names.values()) {
                s.execute("DROP DATABASE IF EXISTS " + db);
            }
        }
    }
}
