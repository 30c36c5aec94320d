package cn.hrss.seal.application.ofd;

import cn.hrss.seal.application.verify.Check;
import cn.hrss.seal.application.verify.CheckResult;
import cn.hrss.seal.application.verify.SignatureChecks;
import cn.hrss.seal.application.verify.SealDetails;
import cn.hrss.seal.application.verify.SignatureReport;
import cn.hrss.seal.application.verify.SigningTime;
import cn.hrss.seal.application.verify.TimeStampVerifier;
import cn.hrss.seal.core.crypto.Sm3;
import cn.hrss.seal.core.error.SealException;
import cn.hrss.seal.core.ses.SealView;
import cn.hrss.seal.core.ses.SesCheck;
import cn.hrss.seal.core.ses.SesParser;
import cn.hrss.seal.core.ses.SesVerifier;
import cn.hrss.seal.core.ses.SignatureView;
import org.bouncycastle.cert.X509CertificateHolder;

import java.io.IOException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The checks of one entry of Signatures.xml (see {@link OfdVerifier}). */
final class OfdSignatureValidation {
    static final String UNSUPPORTED_TYPE = "UNSUPPORTED_SIGNATURE_TYPE";
    static final String UNSUPPORTED_CHECK_METHOD = "UNSUPPORTED_CHECK_METHOD";
    static final String NO_REFERENCES = "NO_REFERENCES";
    static final String REFERENCE_MISSING = "REFERENCE_MISSING";
    static final String REFERENCE_MISMATCH = "REFERENCE_MISMATCH";
    static final String DATA_HASH_MISMATCH = "DATA_HASH_MISMATCH";
    static final String SEAL_MISMATCH = "SEAL_MISMATCH";
    /** SM3 by name or OID, as found in real files (pitfall 10). */
    private static final Set<String> SM3_NAMES = Set.of("SM3", "1.2.156.10197.1.401", "1.2.156.10197.1.401.1");

    private final OfdPackage pkg;
    private final OfdSignatures.Entry entry;
    private final SesParser parser;
    private final SignatureChecks shared;
    private final Instant now;

    OfdSignatureValidation(OfdPackage pkg, OfdSignatures.Entry entry, SesParser parser,
                           SignatureChecks shared, Instant now) {
        this.pkg = pkg;
        this.entry = entry;
        this.parser = parser;
        this.shared = shared;
        this.now = now;
    }

    SignatureReport report() {
        if (!"Seal".equals(entry.type())) {
            return SignatureReport.formatOnly(entry.id(), CheckResult.indeterminate(Check.FORMAT, UNSUPPORTED_TYPE,
                    "Type=" + entry.type() + " (GB/T 35275 digital signature) is not verified here"));
        }
        OfdSignatures.Signature signature;
        byte[] signatureXml;
        SignatureView ses;
        X509CertificateHolder signer;
        try {
            signature = OfdSignatures.signature(pkg, entry.signaturePath());
            signatureXml = pkg.get(entry.signaturePath());
            ses = parser.parseSignature(pkg.get(signature.signedValuePath()));
            signer = new X509CertificateHolder(ses.signerCertificate());
        } catch (SealException e) {
            return SignatureReport.formatOnly(entry.id(), CheckResult.failed(Check.FORMAT, e.code(), e.getMessage()));
        } catch (IOException | RuntimeException e) {
            return SignatureReport.formatOnly(entry.id(), CheckResult.failed(Check.FORMAT, OfdException.MALFORMED,
                    "signer certificate unreadable"));
        }
        List<CheckResult> checks = new ArrayList<>();
        checks.add(CheckResult.passed(Check.FORMAT, "Signature.xml and " + ses.version() + " SignedValue.dat"));
        checks.add(integrity(signature, ses, signatureXml));
        checks.add(SignatureChecks.of(Check.SIGNER_SIGNATURE, SesVerifier.signerSignature(ses), ""));

        TimeStampVerifier.Result timeStamp = shared.timeStamp(ses.timeStamp(), ses.signatureValue());
        checks.add(timeStamp.check());
        SigningTime signingTime = timeStamp.signingTime(now);
        checks.addAll(shared.signer(signer, List.of(), signingTime));
        checks.add(seal(signature, ses, signingTime));
        checks.add(shared.sealStatus(ses.seal(), signingTime));
        return new SignatureReport(entry.id(), Optional.of(cn.hrss.seal.application.verify.CertificatePathValidator.name(signer.getSubject())),
                Optional.of(ses.seal().esId()), Optional.of(ses.seal().name()), ses.signingTime(), timeStamp.time(),
                checks, Optional.of(SealDetails.of(ses.seal())));
    }

    /** Every Reference, then dataHash against the Signature.xml bytes (which hold the references). */
    private CheckResult integrity(OfdSignatures.Signature signature, SignatureView ses, byte[] signatureXml) {
        if (!SM3_NAMES.contains(signature.checkMethod().toUpperCase(Locale.ROOT))) {
            return CheckResult.indeterminate(Check.DOCUMENT_INTEGRITY, UNSUPPORTED_CHECK_METHOD,
                    "CheckMethod is not SM3");
        }
        if (signature.references().isEmpty()) {
            return CheckResult.failed(Check.DOCUMENT_INTEGRITY, NO_REFERENCES, "the signature protects no file");
        }
        for (OfdSignatures.Reference ref : signature.references()) {
            if (!pkg.contains(ref.path())) {
                return CheckResult.failed(Check.DOCUMENT_INTEGRITY, REFERENCE_MISSING,
                        "protected file /" + ref.path() + " is missing");
            }
            if (!MessageDigest.isEqual(ref.checkValue(), Sm3.hash(pkg.get(ref.path())))) {
                return CheckResult.failed(Check.DOCUMENT_INTEGRITY, REFERENCE_MISMATCH,
                        "protected file /" + ref.path() + " was changed after signing");
            }
        }
        SesCheck dataHash = SesVerifier.dataHash(ses, Sm3.hash(signatureXml));
        if (!dataHash.passed()) {
            return CheckResult.failed(Check.DOCUMENT_INTEGRITY, DATA_HASH_MISMATCH,
                    "Signature.xml was changed after signing: " + dataHash.reason());
        }
        return CheckResult.passed(Check.DOCUMENT_INTEGRITY, signature.references().size()
                + " protected files and Signature.xml unchanged");
    }

    /** Seal.esl (when named) byte-identical to TBS_Sign.eseal, then the shared seal check. */
    private CheckResult seal(OfdSignatures.Signature signature, SignatureView ses, SigningTime signingTime) {
        SealView seal = ses.seal();
        if (signature.sealPath().isPresent() && !(pkg.contains(signature.sealPath().get())
                && MessageDigest.isEqual(pkg.get(signature.sealPath().get()), seal.encoded()))) {
            return CheckResult.failed(Check.SEAL, SEAL_MISMATCH, SignatureChecks.prefix(seal)
                    + "Seal.esl is missing or differs from the seal inside the signature");
        }
        return shared.seal(seal, SesVerifier.signerListedInSeal(ses), List.of(), signingTime);
    }
}
