package cn.hrss.seal.application.pdf;

import cn.hrss.seal.application.verify.Check;
import cn.hrss.seal.application.verify.CheckResult;
import cn.hrss.seal.application.verify.CmsSignerVerifier;
import cn.hrss.seal.application.verify.SignatureChecks;
import cn.hrss.seal.application.verify.SealDetails;
import cn.hrss.seal.application.verify.SignatureReport;
import cn.hrss.seal.application.verify.SigningTime;
import cn.hrss.seal.application.verify.TimeStampVerifier;
import cn.hrss.seal.application.verify.Verdict;
import cn.hrss.seal.core.ses.SealView;
import cn.hrss.seal.core.ses.SesParser;
import cn.hrss.seal.core.ses.SesVerifier;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.util.encoders.Hex;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The checks of one PDF signature field; one instance per field and verification. */
final class PdfSignatureValidation {
    static final String UNSUPPORTED_SUBFILTER = "UNSUPPORTED_SUBFILTER";
    static final String BAD_BYTE_RANGE = "BAD_BYTE_RANGE";
    static final String CMS_MALFORMED = "CMS_MALFORMED";
    static final String NO_SEAL = "NO_SEAL";
    static final String SEAL_MALFORMED = SignatureChecks.SEAL_MALFORMED;
    private static final Set<String> SUBFILTERS = Set.of("adbe.pkcs7.detached", "ETSI.CAdES.detached");

    private final byte[] pdf;
    private final PDDocument document;
    private final PDSignatureField field;
    private final Collection<Long> signatureEnds;
    private final SignatureChecks shared;
    private final Instant now;
    private final List<CheckResult> checks = new ArrayList<>();

    PdfSignatureValidation(byte[] pdf, PDDocument document, PDSignatureField field, Collection<Long> signatureEnds,
                           SignatureChecks shared, Instant now) {
        this.pdf = pdf;
        this.document = document;
        this.field = field;
        this.signatureEnds = signatureEnds;
        this.shared = shared;
        this.now = now;
    }

    SignatureReport report() {
        PDSignature signature = field.getSignature();
        String name = field.getFullyQualifiedName();
        String subFilter = signature.getCOSObject().getNameAsString(COSName.SUB_FILTER);
        if (subFilter == null || !SUBFILTERS.contains(subFilter)) {
            return SignatureReport.formatOnly(name, CheckResult.indeterminate(Check.FORMAT, UNSUPPORTED_SUBFILTER,
                    "SubFilter " + subFilter + " is not a detached CMS signature"));
        }
        int[] range = signature.getByteRange();
        if (!rangeWellFormed(range)) {
            return SignatureReport.formatOnly(name, CheckResult.failed(Check.FORMAT, BAD_BYTE_RANGE,
                    "ByteRange must be [0 a b c] with /Contents exactly between a and b, within the file"));
        }
        CMSSignedData cms;
        SignerInformation signer;
        try {
            cms = new CMSSignedData(contentInfo(Hex.decode(new String(pdf, range[1] + 1, range[2] - range[1] - 2,
                    StandardCharsets.US_ASCII))));
            if (cms.getSignerInfos().size() != 1) {
                return SignatureReport.formatOnly(name, CheckResult.failed(Check.FORMAT, CMS_MALFORMED,
                        "CMS must have exactly one SignerInfo, has " + cms.getSignerInfos().size()));
            }
            signer = cms.getSignerInfos().getSigners().iterator().next();
        } catch (CMSException | IOException | RuntimeException e) {
            return SignatureReport.formatOnly(name, CheckResult.failed(Check.FORMAT, CMS_MALFORMED,
                    "/Contents is not a CMS SignedData: " + e.getMessage()));
        }
        Optional<X509CertificateHolder> certificate =
                CmsSignerVerifier.signerCertificate(signer, cms.getCertificates());
        if (certificate.isEmpty()) {
            return SignatureReport.formatOnly(name, CheckResult.failed(Check.FORMAT,
                    CmsSignerVerifier.SIGNER_CERTIFICATE_MISSING, "the signer certificate is not in the CMS"));
        }
        checks.add(CheckResult.passed(Check.FORMAT, subFilter + " CMS SignedData"));

        long signedEnd = (long) range[2] + range[3];
        checks.add(integrity(signer, range, signedEnd));
        checks.add(CmsSignerVerifier.signature(Check.SIGNER_SIGNATURE, signer, certificate.get()));

        TimeStampVerifier.Result timeStamp = shared.timeStamp(timeStampToken(signer), signer.getSignature());
        checks.add(timeStamp.check());
        SigningTime signingTime = timeStamp.signingTime(now);
        Collection<X509CertificateHolder> certificates = cms.getCertificates().getMatches(null);
        checks.addAll(shared.signer(certificate.get(), certificates, signingTime));

        Optional<SealView> seal = seal(signer);
        checks.add(seal.map(s -> shared.seal(s, SesVerifier.certificateListed(s, encoded(certificate.get())),
                        certificates, signingTime))
                .orElseGet(() -> sealAbsentOrBroken(signer)));
        seal.ifPresent(s -> checks.add(shared.sealStatus(s, signingTime)));
        return new SignatureReport(name, Optional.of(cn.hrss.seal.application.verify.CertificatePathValidator.name(certificate.get().getSubject())),
                seal.map(SealView::esId), seal.map(SealView::name), claimedTime(signer), timeStamp.time(), checks,
                seal.map(SealDetails::of));
    }

    /** The one DER ContentInfo at the start of /Contents; only zero padding may follow it. */
    private static ContentInfo contentInfo(byte[] contents) throws IOException {
        ByteArrayInputStream bytes = new ByteArrayInputStream(contents);
        try (ASN1InputStream in = new ASN1InputStream(bytes, contents.length, true)) {
            ASN1Primitive object = in.readObject();
            if (object == null) {
                throw new IOException("empty /Contents");
            }
            for (int i = contents.length - bytes.available(); i < contents.length; i++) {
                if (contents[i] != 0) {
                    throw new IOException("non-zero bytes after the CMS in /Contents");
                }
            }
            return ContentInfo.getInstance(object);
        }
    }

    private boolean rangeWellFormed(int[] range) {
        return range.length == 4 && range[0] == 0 && range[1] > 0 && range[2] > range[1] + 1 && range[3] >= 0
                && (long) range[2] + range[3] <= pdf.length
                && pdf[range[1]] == '<' && pdf[range[2] - 1] == '>';
    }

    private CheckResult integrity(SignerInformation signer, int[] range, long signedEnd) {
        byte[] signed = new byte[range[1] + range[3]];
        System.arraycopy(pdf, 0, signed, 0, range[1]);
        System.arraycopy(pdf, range[2], signed, range[1], range[3]);
        CheckResult digest = CmsSignerVerifier.messageDigest(Check.DOCUMENT_INTEGRITY, signer, signed);
        return digest.verdict() == Verdict.PASSED
                ? RevisionCoverage.judge(pdf, document, signedEnd, signatureEnds)
                : digest;
    }

    /** The DER of the signature-time-stamp attribute's value; an attribute without one gives no bytes (malformed). */
    private static Optional<byte[]> timeStampToken(SignerInformation signer) {
        AttributeTable unsigned = signer.getUnsignedAttributes();
        Attribute token = unsigned == null ? null : unsigned.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        if (token == null) {
            return Optional.empty();
        }
        ASN1Set values = token.getAttrValues();
        try {
            return Optional.of(values.size() == 0 ? new byte[0]
                    : values.getObjectAt(0).toASN1Primitive().getEncoded(ASN1Encoding.DER));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<SealView> seal(SignerInformation signer) {
        Attribute attribute = signedAttribute(signer, SealAttribute.SESEAL);
        if (attribute == null) {
            return Optional.empty();
        }
        try {
            byte[] der = ASN1OctetString.getInstance(attribute.getAttrValues().getObjectAt(0)).getOctets();
            return Optional.of(new SesParser().parseSeal(der));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static CheckResult sealAbsentOrBroken(SignerInformation signer) {
        return signedAttribute(signer, SealAttribute.SESEAL) == null
                ? CheckResult.indeterminate(Check.SEAL, NO_SEAL, "the signature carries no GB/T 38540 seal")
                : CheckResult.failed(Check.SEAL, SEAL_MALFORMED, "the embedded SESeal cannot be parsed");
    }

    private static Optional<Instant> claimedTime(SignerInformation signer) {
        Attribute attribute = signedAttribute(signer, CMSAttributes.signingTime);
        try {
            return attribute == null ? Optional.empty()
                    : Optional.of(Time.getInstance(attribute.getAttrValues().getObjectAt(0)).getDate().toInstant());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Attribute signedAttribute(SignerInformation signer,
                                             ASN1ObjectIdentifier type) {
        AttributeTable signed = signer.getSignedAttributes();
        return signed == null ? null : signed.get(type);
    }

    private static byte[] encoded(X509CertificateHolder certificate) {
        try {
            return certificate.getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
