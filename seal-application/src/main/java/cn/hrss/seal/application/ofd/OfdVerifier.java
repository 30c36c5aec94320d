package cn.hrss.seal.application.ofd;

import cn.hrss.seal.application.ofd.OfdCheck.Kind;
import cn.hrss.seal.core.crypto.Sm3;
import cn.hrss.seal.core.error.SealException;
import cn.hrss.seal.core.ses.SesLimits;
import cn.hrss.seal.core.ses.SesParser;
import cn.hrss.seal.core.ses.SesVerifier;
import cn.hrss.seal.core.ses.SignatureView;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Offline verification of the seal signatures of an OFD document: for each entry of Signatures.xml the package
 * integrity (every Reference), Seal.esl against TBS_Sign.eseal, dataHash against Signature.xml, the signer and maker
 * signatures and seal validity (seal-core {@link SesVerifier}), both certificates against the trusted roots at the
 * signing time, and the time stamp if present. A package that is not a readable OFD raises {@link OfdException};
 * a broken signature inside a readable package is reported as a FAILED check.
 */
public final class OfdVerifier {
    /** SM3 by name or OID, as found in real files (pitfall 10). */
    private static final Set<String> SM3_NAMES = Set.of("SM3", "1.2.156.10197.1.401", "1.2.156.10197.1.401.1");

    private final OfdLimits limits;
    private final SesParser parser;
    private final TrustedRoots roots;
    private final List<byte[]> intermediates;

    /**
     * @param trustedRoots  DER root certificates for the signer and maker certificates and the TSA
     * @param intermediates DER CA certificates that may complete a path (OFD carries none)
     */
    public OfdVerifier(OfdLimits limits, SesLimits sesLimits, List<byte[]> trustedRoots, List<byte[]> intermediates) {
        this.limits = limits;
        this.parser = new SesParser(sesLimits);
        this.roots = new TrustedRoots(trustedRoots);
        this.intermediates = intermediates.stream().map(byte[]::clone).toList();
    }

    public OfdVerifier(List<byte[]> trustedRoots) {
        this(OfdLimits.DEFAULT, SesLimits.DEFAULT, trustedRoots, List.of());
    }

    public OfdVerificationReport verify(byte[] ofd) {
        OfdPackage pkg = OfdPackage.read(ofd, limits);
        OfdDocument document = OfdDocument.read(pkg);
        if (document.signaturesPath().isEmpty()) {
            return new OfdVerificationReport(List.of());
        }
        List<OfdSignatureReport> reports = new ArrayList<>();
        for (OfdSignatures.Entry entry : OfdSignatures.entries(pkg, document.signaturesPath().get())) {
            reports.add(verify(pkg, entry));
        }
        return new OfdVerificationReport(reports);
    }

    private OfdSignatureReport verify(OfdPackage pkg, OfdSignatures.Entry entry) {
        String location = OfdLoc.absolute(entry.signaturePath());
        if (!"Seal".equals(entry.type())) {
            return failedFormat(entry, location, OfdCheck.indeterminate(Kind.FORMAT,
                    "Type=" + entry.type() + " (GB/T 35275 digital signature) is not verified here"));
        }
        OfdSignatures.Signature signature;
        SignatureView ses;
        byte[] signatureXml;
        try {
            signature = OfdSignatures.signature(pkg, entry.signaturePath());
            signatureXml = pkg.get(entry.signaturePath());
            ses = parser.parseSignature(pkg.get(signature.signedValuePath()));
        } catch (SealException e) {
            return failedFormat(entry, location, OfdCheck.failed(Kind.FORMAT, e.code() + ": " + e.getMessage()));
        }
        List<OfdCheck> checks = new ArrayList<>();
        checks.add(OfdCheck.passed(Kind.FORMAT, "Signature.xml and " + ses.version() + " SignedValue.dat read"));
        checks.add(integrity(pkg, signature));
        checks.add(sealMatch(pkg, signature, ses));
        SesVerifier.verify(ses, Sm3.hash(signatureXml)).checks().forEach(c -> checks.add(OfdCheck.of(c)));
        ses.signingTime().ifPresentOrElse(at -> {
            checks.add(roots.check(Kind.SIGNER_CERTIFICATE, ses.signerCertificate(), intermediates, at));
            checks.add(roots.check(Kind.MAKER_CERTIFICATE, ses.seal().makerCertificate(), intermediates, at));
        }, () -> {
            checks.add(OfdCheck.indeterminate(Kind.SIGNER_CERTIFICATE, "no plain signing time"));
            checks.add(OfdCheck.indeterminate(Kind.MAKER_CERTIFICATE, "no plain signing time"));
        });
        ses.timeStamp().ifPresent(token -> checks.add(
                TimeStampCheck.check(token, ses.signatureValue(), ses.signingTime(), roots, intermediates)));
        return new OfdSignatureReport(entry.id(), location, Optional.of(ses.seal().esId()),
                Optional.of(ses.seal().name()), ses.signingTime(), checks);
    }

    private static OfdCheck integrity(OfdPackage pkg, OfdSignatures.Signature signature) {
        if (!SM3_NAMES.contains(signature.checkMethod().toUpperCase(java.util.Locale.ROOT))) {
            return OfdCheck.indeterminate(Kind.DOCUMENT_INTEGRITY,
                    "unsupported CheckMethod " + abbreviate(signature.checkMethod()));
        }
        if (signature.references().isEmpty()) {
            return OfdCheck.failed(Kind.DOCUMENT_INTEGRITY, "the signature protects no file");
        }
        for (OfdSignatures.Reference ref : signature.references()) {
            if (!pkg.contains(ref.path())) {
                return OfdCheck.failed(Kind.DOCUMENT_INTEGRITY, "protected file /" + ref.path() + " is missing");
            }
            if (!MessageDigest.isEqual(ref.checkValue(), Sm3.hash(pkg.get(ref.path())))) {
                return OfdCheck.failed(Kind.DOCUMENT_INTEGRITY, "protected file /" + ref.path()
                        + " was changed after signing");
            }
        }
        return OfdCheck.passed(Kind.DOCUMENT_INTEGRITY, signature.references().size()
                + " protected files unchanged");
    }

    private static OfdCheck sealMatch(OfdPackage pkg, OfdSignatures.Signature signature, SignatureView ses) {
        if (signature.sealPath().isEmpty()) {
            return OfdCheck.indeterminate(Kind.SEAL_MATCH, "Signature.xml names no Seal.esl");
        }
        String path = signature.sealPath().get();
        if (!pkg.contains(path)) {
            return OfdCheck.failed(Kind.SEAL_MATCH, "/" + path + " is missing");
        }
        return MessageDigest.isEqual(pkg.get(path), ses.seal().encoded())
                ? OfdCheck.passed(Kind.SEAL_MATCH, "Seal.esl is the seal inside the signature")
                : OfdCheck.failed(Kind.SEAL_MATCH, "Seal.esl differs from the seal inside the signature");
    }

    private static OfdSignatureReport failedFormat(OfdSignatures.Entry entry, String location, OfdCheck check) {
        return new OfdSignatureReport(entry.id(), location, Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(check));
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
