package cn.hrss.seal.cli;

import cn.hrss.seal.application.ofd.OfdLimits;
import cn.hrss.seal.application.ofd.OfdVerifier;
import cn.hrss.seal.application.pdf.PdfLimits;
import cn.hrss.seal.application.pdf.PdfVerifier;
import cn.hrss.seal.application.verify.CheckResult;
import cn.hrss.seal.application.verify.RevocationSource;
import cn.hrss.seal.application.verify.SignatureChecks;
import cn.hrss.seal.application.verify.SignatureReport;
import cn.hrss.seal.application.verify.VerificationReport;
import cn.hrss.seal.core.ses.SesLimits;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code seal verify}: verifies a signed PDF or OFD, or a detached SES_Signature with {@code --data}, offline
 * against the given trusted roots, and online against a node's seal status when {@code --status-url} is given.
 * Exit code = verdict: 0 PASSED, 1 FAILED, 2 INDETERMINATE.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verifies a signed PDF or OFD, or a data signature (SES_Signature) with --data.")
final class VerifyCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "signed PDF or OFD, or a SES_Signature (DER)")
    Path input;

    @Option(names = "--data", paramLabel = "FILE", description = "the signed data, when FILE is a SES_Signature")
    Path data;

    @Option(names = "--trust", paramLabel = "ROOT.pem", description = "trusted root certificate(s), PEM; repeatable")
    List<Path> trust = new ArrayList<>();

    @Option(names = "--status-url", paramLabel = "URL",
            description = "node whose seal status to ask (online verification), e.g. https://node")
    URI statusUrl;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "report format: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    ReportWriter.Format format;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        List<X509CertificateHolder> roots = roots();
        byte[] bytes = Io.read(input, "document");
        Clock clock = Clock.systemUTC();
        String type;
        VerificationReport report;
        if (data != null) {
            type = "DATA";
            report = new DataVerifier(new SignatureChecks(roots, RevocationSource.notChecked()))
                    .verify(bytes, Io.read(data, "data"), clock.instant());
        } else if (startsWith(bytes, "%PDF-")) {
            type = "PDF";
            report = new PdfVerifier(roots, RevocationSource.notChecked(), clock, PdfLimits.DEFAULT).verify(bytes);
        } else if (startsWith(bytes, "PK")) {
            type = "OFD";
            report = new OfdVerifier(roots, RevocationSource.notChecked(), clock, OfdLimits.DEFAULT,
                    SesLimits.DEFAULT).verify(bytes);
        } else {
            throw new BadInputException(input + " is neither a PDF nor an OFD; for a data signature give --data");
        }
        if (statusUrl != null) {
            report = withStatus(report, new HttpSealStatusCheck(statusUrl, roots));
        }
        ReportWriter.write(report, type, format, spec.commandLine().getOut());
        spec.commandLine().getOut().flush();
        return ExitCodes.of(report.verdict());
    }

    /** Adds the seal's status at the signing time (proven time if stamped, else claimed, else now). */
    static VerificationReport withStatus(VerificationReport report, SealStatusCheck status) {
        List<SignatureReport> signatures = new ArrayList<>();
        for (SignatureReport s : report.signatures()) {
            if (s.esId().isEmpty()) {
                signatures.add(s);
                continue;
            }
            Instant at = s.timeStampTime().or(s::claimedTime).orElse(report.validationTime());
            List<CheckResult> checks = new ArrayList<>(s.checks());
            checks.add(status.statusAt(s.esId().get(), at));
            signatures.add(new SignatureReport(s.name(), s.signer(), s.esId(), s.sealName(), s.claimedTime(),
                    s.timeStampTime(), checks, s.seal()));
        }
        return new VerificationReport(report.validationTime(), report.documentChecks(), signatures);
    }

    private List<X509CertificateHolder> roots() {
        List<X509CertificateHolder> roots = new ArrayList<>();
        for (Path file : trust) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
                 PEMParser parser = new PEMParser(reader)) {
                for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                    if (o instanceof X509CertificateHolder certificate) {
                        roots.add(certificate);
                    }
                }
            } catch (IOException | RuntimeException e) {
                throw new BadInputException("cannot read trusted root " + file + ": " + e.getMessage(), e);
            }
        }
        if (!trust.isEmpty() && roots.isEmpty()) {
            throw new BadInputException("no certificate in " + trust);
        }
        return roots;
    }

    private static boolean startsWith(byte[] bytes, String magic) {
        byte[] m = magic.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length < m.length) {
            return false;
        }
        for (int i = 0; i < m.length; i++) {
            if (bytes[i] != m[i]) {
                return false;
            }
        }
        return true;
    }
}
