package cn.hrss.seal.demo;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code java -jar seal-demo.jar [--work DIR] [--base-port N] [--node-jar PATH] [--sim-jar PATH] [--keep-running]}.
 * Exit status 0 when every step did what it should; the steps and their results go to standard output.
 */
public final class DemoMain {
    private DemoMain() {
    }

    public static void main(String[] args) throws Exception {
        Path work = null;
        int basePort = 19400;
        Path nodeJar = Path.of("deploy/seal-node/target/seal-node.jar");
        Path simJar = Path.of("deploy/national-platform-sim/target/national-platform-sim.jar");
        Path cliJar = Path.of("seal-cli/target/seal-cli.jar");
        boolean keep = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--work" -> work = Path.of(args[++i]);
                case "--base-port" -> basePort = Integer.parseInt(args[++i]);
                case "--node-jar" -> nodeJar = Path.of(args[++i]);
                case "--sim-jar" -> simJar = Path.of(args[++i]);
                case "--cli-jar" -> cliJar = Path.of(args[++i]);
                case "--keep-running" -> keep = true;
                default -> {
                    System.err.println("unknown argument " + args[i]);
                    System.exit(2);
                }
            }
        }
        if (work == null) {
            work = Files.createTempDirectory("seal-demo");
        }
        FederationDemo demo = new FederationDemo(new FederationDemo.Settings(work, Topology.onLoopback(basePort),
                basePort, nodeJar, simJar, cliJar), System.out);
        try {
            demo.run();
            System.out.println("\nDEMO PASSED. Work directory (logs, data): " + work);
            if (keep) {
                System.out.println("Nodes keep running; press Ctrl-C to stop them.");
                Runtime.getRuntime().addShutdownHook(new Thread(demo::close));
                Thread.currentThread().join();
            }
        } catch (DemoFailure e) {
            System.out.println("\nDEMO FAILED: " + e.getMessage() + "\nWork directory (logs, data): " + work);
            demo.close();
            System.exit(1);
        }
        demo.close();
    }
}
