package cn.hrss.seal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6's "done means" as a test: the demo scenario against the real jars, each component its own process on
 * free loopback ports, exactly as {@code deploy/demo/demo.sh} runs it.
 */
class FederationDemoIT {
    @TempDir
    Path work;

    @Test
    void crossIndustrySealMadeAtACityVerifiesInAnotherProvinceUntilItIsRevoked() throws Exception {
        int basePort = freeBlockOfFivePorts();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        FederationDemo.Settings settings = new FederationDemo.Settings(work, Topology.onLoopback(basePort), basePort,
                Path.of(System.getProperty("seal.node.jar")), Path.of(System.getProperty("seal.sim.jar")),
                Path.of(System.getProperty("seal.cli.jar")));
        FederationDemo.Outcome outcome;
        try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
             FederationDemo demo = new FederationDemo(settings, new TeeStream(out))) {
            outcome = demo.run();
        }
        String log = printed.toString(StandardCharsets.UTF_8);
        assertThat(outcome.verdictBeforeRevocation()).as(log).startsWith("PASSED");
        assertThat(outcome.verdictAfterRevocation()).as(log).startsWith("FAILED").contains("SEAL_REVOKED");
        // the national platform assigned the code and holds the seal's revocation, synchronised up the tiers
        assertThat(outcome.nationalCode()).as(log).contains(outcome.esId()).contains("REVOKED");
        assertThat(outcome.steps()).as(log).hasSizeGreaterThanOrEqualTo(12);
        // the city's access test ran through seal-cli, as an operator at the province would run it
        assertThat(log).contains("(run with seal-cli)");
        // the build installed ganache: the signing's receipt was cosigned by Fujian, anchored and confirmed on chain
        assertThat(log).contains("seal-cli confirmed it on the chain");
    }

    /** Five consecutive free ports (simulator + four nodes); retried a few times against races with other tests. */
    private static int freeBlockOfFivePorts() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base;
            try (ServerSocket s = new ServerSocket(0)) {
                base = s.getLocalPort();
            }
            if (base + 4 > 65535) {
                continue;
            }
            boolean free = true;
            for (int p = base; p <= base + 4 && free; p++) {
                try (ServerSocket s = new ServerSocket(p)) {
                    s.setReuseAddress(true);
                } catch (IOException taken) {
                    free = false;
                }
            }
            if (free) {
                return base;
            }
        }
        throw new IOException("no block of five free ports");
    }

    /** Prints the demo's steps to the test output too, so a failing CI run shows how far it got. */
    private static final class TeeStream extends PrintStream {
        TeeStream(PrintStream captured) {
            super(new java.io.OutputStream() {
                @Override
                public void write(int b) {
                    captured.write(b);
                    System.out.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    captured.write(b, off, len);
                    System.out.write(b, off, len);
                }
            }, true, StandardCharsets.UTF_8);
        }
    }
}
