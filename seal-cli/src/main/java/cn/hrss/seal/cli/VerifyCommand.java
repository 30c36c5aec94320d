package cn.hrss.seal.cli;

import cn.hrss.seal.application.ofd.OfdLimits;
import cn.hrss.seal.application.ofd.OfdVerifier;
import cn.hrss.seal.application.pdf.PdfLimits;
import cn.hrss.seal.application.pdf.PdfVerifier;
import cn.hrss.seal.application.verify.EvidenceChecks;
import cn.hrss.seal.application.verify.EvidenceReceipt;
import cn.hrss.seal.application.verify.EvidenceReceiptVerifier;
import cn.hrss.seal.anchor.evm.EvmEvidenceAnchor;
import cn.hrss.seal.application.data.DetachedSignatureVerifier;
import cn.hrss.seal.application.online.CrlRevocationSource;
import cn.hrss.seal.application.online.HttpSealStatusSource;
import cn.hrss.seal.application.online.OcspRevocationSource;
import cn.hrss.seal.application.verify.RevocationSource;
import cn.hrss.seal.application.verify.SealStatusSource;
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
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code seal verify}: verifies a signed PDF or OFD, or a detached SES_Signature with {@code --data}, offline
 * against the given trusted roots, and online against a node's seal status when {@code --status-url} is given.
 * Exit code = verdict: 0 PASSED, 1 FAILED, 2 INDETERMINATE.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verifies a signed PDF or OFD, or a data signature (SES_Signature) with --data.")
final class VerifyCommand implements Callable<Integer> {
    private static final Duration ONLINE_TIMEOUT = Duration.ofSeconds(20);
    private static final int MAX_CERTIFICATE_PEM = 64 * 1024;

    @Parameters(index = "0", paramLabel = "FILE", description = "signed PDF or OFD, or a SES_Signature (DER)")
    Path input;

    @Option(names = "--data", paramLabel = "FILE", description = "the signed data, when FILE is a SES_Signature")
    Path data;

    @Option(names = "--trust", paramLabel = "ROOT.pem", description = "trusted root certificate(s), PEM; repeatable")
    List<Path> trust = new ArrayList<>();

    @Option(names = "--status-url", paramLabel = "URL",
            description = "node to ask online: seal status (signed answers), OCSP and CRL, e.g. https://node")
    URI statusUrl;

    @Option(names = "--receipt", paramLabel = "RECEIPT.json",
            description = "evidence receipt(s) of the document's signatures (docs/EVIDENCE.md); repeatable")
    List<Path> receipts = new ArrayList<>();

    @Option(names = "--chain-rpc", paramLabel = "URL",
            description = "EVM chain node to ask whether it records a receipt's checkpoint (with --chain-registry)")
    URI chainRpc;

    @Option(names = "--chain-id", paramLabel = "N", defaultValue = "1337", description = "EVM chain id")
    long chainId;

    @Option(names = "--chain-registry", paramLabel = "0xADDRESS",
            description = "the EvidenceAnchorRegistry contract you trust; receipts naming another are not believed")
    String chainRegistry;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "report format: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    ReportWriter.Format format;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        List<X509CertificateHolder> roots = roots();
        byte[] bytes = Io.read(input, "document");
        Clock clock = Clock.systemUTC();
        SealStatusSource sealStatus = statusUrl == null ? SealStatusSource.notChecked() : sealStatus(roots);
        // online: certificate status from the same node's OCSP responder, else its CRL
        RevocationSource revocation = statusUrl == null ? RevocationSource.notChecked()
                : CrlRevocationSource.orElse(
                        new OcspRevocationSource(Optional.of(node("ca/ocsp")), ONLINE_TIMEOUT, clock),
                        new CrlRevocationSource(Optional.of(node("ca/crl")), ONLINE_TIMEOUT, clock));
        String type;
        VerificationReport report;
        if (data != null) {
            type = "DATA";
            report = new DetachedSignatureVerifier(roots, revocation, sealStatus, clock, SesLimits.DEFAULT)
                    .verify(bytes, Io.read(data, "data"));
        } else if (startsWith(bytes, "%PDF-")) {
            type = "PDF";
            report = new PdfVerifier(roots, revocation, sealStatus, clock, PdfLimits.DEFAULT).verify(bytes);
        } else if (startsWith(bytes, "PK")) {
            type = "OFD";
            report = new OfdVerifier(roots, revocation, sealStatus, clock, OfdLimits.DEFAULT, SesLimits.DEFAULT)
                    .verify(bytes);
        } else {
            throw new BadInputException(input + " is neither a PDF nor an OFD; for a data signature give --data");
        }
        report = withEvidence(report, bytes, roots);
        ReportWriter.write(report, type, format, spec.commandLine().getOut());
        spec.commandLine().getOut().flush();
        return ExitCodes.of(report.verdict());
    }

    /** Receipts are checked offline, and against the chain when --chain-rpc and --chain-registry are given. */
    private VerificationReport withEvidence(VerificationReport report, byte[] document,
                                            List<X509CertificateHolder> roots) {
        if (receipts.isEmpty()) {
            return report;
        }
        if ((chainRpc == null) != (chainRegistry == null)) {
            throw new BadInputException("--chain-rpc and --chain-registry go together");
        }
        List<EvidenceReceipt> parsed = new ArrayList<>();
        for (Path receipt : receipts) {
            try {
                parsed.add(EvidenceReceipt.parse(Io.read(receipt, "receipt")));
            } catch (cn.hrss.seal.core.error.SealException e) {
                throw new BadInputException(receipt + ": " + e.getMessage());
            }
        }
        Optional<EvidenceReceiptVerifier.Ledger> ledger = Optional.empty();
        if (chainRpc != null) {
            EvmEvidenceAnchor registry = EvmEvidenceAnchor.reader(chainRpc, chainId, chainRegistry);
            ledger = Optional.of((anchor, logId, size) -> {
                if (!anchor.contractAddress().equalsIgnoreCase(chainRegistry)
                        || !anchor.ledger().equals(registry.ledger())) {
                    throw new IllegalStateException("the receipt names " + anchor.ledger() + " "
                            + anchor.contractAddress() + ", not the trusted registry");
                }
                return registry.recorded(logId, size);
            });
        }
        return EvidenceChecks.withEvidence(report, EvidenceChecks.revisionDigests(document), parsed,
                new EvidenceReceiptVerifier(roots, ledger));
    }

    private URI node(String path) {
        String base = statusUrl.toString().endsWith("/") ? statusUrl.toString() : statusUrl + "/";
        return URI.create(base + path);
    }

    /** The node's signed status answers, believed when its certificate ({@code /ca/node.pem}) chains to --trust. */
    private SealStatusSource sealStatus(List<X509CertificateHolder> roots) {
        X509CertificateHolder nodeCertificate;
        try {
            HttpResponse<byte[]> pem = HttpClient.newBuilder().connectTimeout(ONLINE_TIMEOUT).build().send(
                    HttpRequest.newBuilder(node("ca/node.pem")).timeout(ONLINE_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (pem.statusCode() != 200 || pem.body().length > MAX_CERTIFICATE_PEM) {
                throw new BadInputException("the status node " + statusUrl + " did not serve its certificate (HTTP "
                        + pem.statusCode() + ")");
            }
            try (PEMParser parser = new PEMParser(new StringReader(new String(pem.body(),
                    StandardCharsets.US_ASCII)))) {
                if (!(parser.readObject() instanceof X509CertificateHolder c)) {
                    throw new BadInputException(statusUrl + "/ca/node.pem holds no certificate");
                }
                nodeCertificate = c;
            }
        } catch (IOException e) {
            throw new BadInputException("status node " + statusUrl + " unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BadInputException("interrupted while asking " + statusUrl, e);
        }
        try {
            return HttpSealStatusSource.trustingNodeCertificate(node(""), nodeCertificate, roots, ONLINE_TIMEOUT);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage() + " (give the node's root with --trust)", e);
        }
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
