package cn.hrss.seal.application.verification;

import cn.hrss.seal.application.data.DetachedSignatureVerifier;
import cn.hrss.seal.application.ofd.OfdLimits;
import cn.hrss.seal.application.ofd.OfdVerifier;
import cn.hrss.seal.application.pdf.PdfLimits;
import cn.hrss.seal.application.pdf.PdfVerifier;
import cn.hrss.seal.application.api.EvidenceReceipts;
import cn.hrss.seal.application.verify.EvidenceChecks;
import cn.hrss.seal.application.verify.EvidenceReceipt;
import cn.hrss.seal.application.verify.EvidenceReceiptVerifier;
import cn.hrss.seal.application.verify.RevocationSource;
import cn.hrss.seal.core.anchor.EvidenceAnchor;
import cn.hrss.seal.application.verify.SealStatusSource;
import cn.hrss.seal.application.verify.VerificationReport;
import cn.hrss.seal.ca.api.CertificateAuthority;
import cn.hrss.seal.core.error.SealException;
import cn.hrss.seal.core.ses.SesLimits;
import org.bouncycastle.cert.X509CertificateHolder;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link DocumentVerification} on the node: trusted roots are the node CA's root plus the configured ones; seal
 * status from the node's ledger and certificate status from its CA (other CAs by OCSP), all at the signing time.
 */
final class NodeDocumentVerification implements DocumentVerification {
    static final String DOCUMENT_TYPE_UNSUPPORTED = "DOCUMENT_TYPE_UNSUPPORTED";
    static final String DETACHED_DATA_REQUIRED = "DETACHED_DATA_REQUIRED";
    static final String DOCUMENT_TOO_LARGE = "DOCUMENT_TOO_LARGE";

    private final CertificateAuthority ca;
    private final java.util.function.Supplier<List<X509CertificateHolder>> extraRoots;
    private final RevocationSource revocation;
    private final SealStatusSource sealStatus;
    private final Clock clock;
    private final long maxBytes;
    private final Optional<EvidenceReceipts> nodeReceipts;
    private final java.util.function.Supplier<Optional<EvidenceAnchor>> ledger;

    NodeDocumentVerification(CertificateAuthority ca, java.util.function.Supplier<List<X509CertificateHolder>> extraRoots,
                             RevocationSource revocation, SealStatusSource sealStatus, Clock clock, long maxBytes) {
        this(ca, extraRoots, revocation, sealStatus, clock, maxBytes, Optional.empty(), Optional::empty);
    }

    /**
     * @param nodeReceipts the node's own evidence log, asked for receipts of the document's revisions
     * @param ledger       the ledger this node anchors to, asked whether it records a receipt's checkpoint
     */
    NodeDocumentVerification(CertificateAuthority ca, java.util.function.Supplier<List<X509CertificateHolder>> extraRoots,
                             RevocationSource revocation, SealStatusSource sealStatus, Clock clock, long maxBytes,
                             Optional<EvidenceReceipts> nodeReceipts,
                             java.util.function.Supplier<Optional<EvidenceAnchor>> ledger) {
        this.nodeReceipts = nodeReceipts;
        this.ledger = ledger;
        this.ca = ca;
        this.extraRoots = extraRoots;
        this.revocation = revocation;
        this.sealStatus = sealStatus;
        this.clock = clock;
        this.maxBytes = maxBytes;
    }

    @Override
    public VerificationReport verify(byte[] document, Optional<byte[]> detachedData, List<byte[]> receipts) {
        List<EvidenceReceipt> parsed = new ArrayList<>();
        for (byte[] receipt : receipts) {
            parsed.add(EvidenceReceipt.parse(receipt));
        }
        VerificationReport report = verify(document, detachedData);
        List<String> revisions = EvidenceChecks.revisionDigests(document);
        if (nodeReceipts.isPresent()) {
            for (String digest : revisions) {
                nodeReceipts.get().forDocument(digest).map(EvidenceReceipt::parse)
                        .filter(found -> parsed.stream().noneMatch(r -> r.leafIndex() == found.leafIndex()
                                && r.logId().equals(found.logId())))
                        .ifPresent(parsed::add);
            }
        }
        Optional<EvidenceReceiptVerifier.Ledger> chain = ledger.get().map(anchor -> (a, logId, size) -> {
            if (!a.ledger().equals(anchor.ledger()) || !a.contractAddress().equalsIgnoreCase(anchor.registry())) {
                throw new IllegalStateException("anchored on " + a.ledger() + " " + a.contractAddress()
                        + ", this node reads " + anchor.ledger() + " " + anchor.registry());
            }
            return anchor.recorded(logId, size);
        });
        return EvidenceChecks.withEvidence(report, revisions, parsed,
                new EvidenceReceiptVerifier(trustedRoots(), chain));
    }

    @Override
    public VerificationReport verify(byte[] document, Optional<byte[]> detachedData) {
        requireWithinLimit(document.length, "document");
        detachedData.ifPresent(data -> requireWithinLimit(data.length, "detached data"));
        DocumentType type = DocumentType.detect(document).orElseThrow(() -> SealException.badRequest(
                DOCUMENT_TYPE_UNSUPPORTED, "the document is neither a PDF, an OFD nor a DER SES_Signature"));
        List<X509CertificateHolder> roots = trustedRoots();
        return switch (type) {
            case PDF -> new PdfVerifier(roots, revocation, sealStatus, clock,
                    new PdfLimits((int) Math.min(maxBytes, Integer.MAX_VALUE), PdfLimits.DEFAULT.maxPages()))
                    .verify(document);
            case OFD -> new OfdVerifier(roots, revocation, sealStatus, clock, OfdLimits.DEFAULT, SesLimits.DEFAULT)
                    .verify(document);
            case SES_SIGNATURE -> new DetachedSignatureVerifier(roots, revocation, sealStatus, clock,
                    SesLimits.DEFAULT).verify(document, detachedData.orElseThrow(() -> SealException.badRequest(
                    DETACHED_DATA_REQUIRED, "an SES_Signature is verified against its data: upload it as 'data'")));
        };
    }

    /** Read per verification: the CA creates its root during start-up. */
    private List<X509CertificateHolder> trustedRoots() {
        List<X509CertificateHolder> roots = new ArrayList<>();
        roots.add(ca.rootCertificate());
        roots.addAll(extraRoots.get());
        return roots;
    }

    private void requireWithinLimit(long size, String what) {
        if (size > maxBytes) {
            throw new SealException(DOCUMENT_TOO_LARGE, 413, what + " of " + size + " bytes exceeds the limit of "
                    + maxBytes + " bytes", Map.of("maxBytes", maxBytes), null);
        }
    }
}
