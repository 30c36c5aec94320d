package cn.hrss.seal.bench.application;

import cn.hrss.seal.application.pdf.PdfSigner;
import cn.hrss.seal.application.pdf.PdfVerifier;
import cn.hrss.seal.application.pdf.StampPlacement;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Latency of signing one PDF with a seal, as the node's reviewed and API signing do it: {@link PdfSigner} with a
 * seal key in the soft cipher device and a time-stamp from the in-process TSA (a second device signature), the
 * visible stamp on the last page. SampleTime mode, so the report gives p50 and p99.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
public class PdfSigningBenchmark {
    @State(Scope.Benchmark)
    public static class Signing {
        @Param({"1", "100"})
        int pages;

        BenchPki pki;
        PdfSigner signer;
        StampPlacement placement;
        byte[] pdf;

        @Setup
        public void setUp() {
            pki = new BenchPki();
            signer = new PdfSigner(pki.timeStamps());
            placement = StampPlacement.at(pages, 150, 250);
            pdf = BenchDocuments.pdf(pages);
            // a benchmark of a signer whose output does not verify would measure nothing useful
            Signed.requirePassed("PDF of " + pages + " pages", new PdfVerifier(List.of(pki.root())).verify(sign()));
        }

        byte[] sign() {
            return signer.sign(pdf, pki.sealKey(), placement);
        }

        @TearDown
        public void tearDown() {
            pki.close();
        }
    }

    @Benchmark
    public byte[] signPdf(Signing signing) {
        return signing.sign();
    }
}
