package cn.hrss.seal.bench.application;

import cn.hrss.seal.application.ofd.OfdPlacement;
import cn.hrss.seal.application.ofd.OfdSigner;
import cn.hrss.seal.application.ofd.OfdVerifier;
import cn.hrss.seal.application.pdf.PdfSigner;
import cn.hrss.seal.application.pdf.PdfVerifier;
import cn.hrss.seal.application.pdf.StampPlacement;
import cn.hrss.seal.application.sign.TimeStampSource;
import cn.hrss.seal.application.verify.VerificationReport;
import cn.hrss.seal.bench.crypto.ComparedTo;
import cn.hrss.seal.bench.crypto.Sm2Benchmark;
import cn.hrss.seal.core.ses.SesParser;
import cn.hrss.seal.core.ses.SesVerification;
import cn.hrss.seal.core.ses.SesVerifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Offline verification of what the node signs, against raw BouncyCastle SM2 verify ({@link Sm2Benchmark#BC_VERIFY}):
 * a signed one-page PDF ({@link PdfVerifier}: CMS signature, certificate path, time-stamp token, seal), a signed
 * one-page OFD ({@link OfdVerifier}) and a detached SES_Signature over data (parse, then seal-core's
 * {@link SesVerifier}: signer and maker signatures, signer listed in the seal, seal validity, data hash).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class VerificationBenchmark {

    @State(Scope.Benchmark)
    public static class Documents {
        BenchPki pki;
        PdfVerifier pdfVerifier;
        OfdVerifier ofdVerifier;
        SesParser sesParser;
        byte[] signedPdf;
        byte[] signedOfd;
        byte[] dataSm3;
        byte[] dataSignature;

        @Setup
        public void setUp() {
            pki = new BenchPki();
            List<X509CertificateHolder> roots = List.of(pki.root());
            pdfVerifier = new PdfVerifier(roots);
            ofdVerifier = new OfdVerifier(roots);
            sesParser = new SesParser();
            TimeStampSource timeStamps = pki.timeStamps();
            signedPdf = new PdfSigner(timeStamps).sign(BenchDocuments.pdf(1), pki.sealKey(),
                    StampPlacement.at(1, 150, 250));
            signedOfd = new OfdSigner().sign(BenchDocuments.ofd(), pki.sealKey(), OfdPlacement.at(0, 120, 220),
                    Instant.now(), timeStamps);
            dataSm3 = new byte[32];
            new SecureRandom().nextBytes(dataSm3);
            dataSignature = DataSigningBenchmark.signData(pki.sealKey(), dataSm3);
            Signed.requirePassed("signed PDF", verifyPdf());
            Signed.requirePassed("signed OFD", verifyOfd());
            Signed.requirePassed("detached SES_Signature", verifySes());
        }

        VerificationReport verifyPdf() {
            return pdfVerifier.verify(signedPdf);
        }

        VerificationReport verifyOfd() {
            return ofdVerifier.verify(signedOfd);
        }

        SesVerification verifySes() {
            return SesVerifier.verify(sesParser.parseSignature(dataSignature), dataSm3);
        }

        @TearDown
        public void tearDown() {
            pki.close();
        }
    }

    @Benchmark
    @ComparedTo(Sm2Benchmark.BC_VERIFY)
    public VerificationReport verifyPdf(Documents documents) {
        return documents.verifyPdf();
    }

    @Benchmark
    @ComparedTo(Sm2Benchmark.BC_VERIFY)
    public VerificationReport verifyOfd(Documents documents) {
        return documents.verifyOfd();
    }

    @Benchmark
    @ComparedTo(Sm2Benchmark.BC_VERIFY)
    public SesVerification verifySesSignature(Documents documents) {
        return documents.verifySes();
    }
}
