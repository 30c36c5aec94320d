package cn.hrss.seal.application.verify;

import cn.hrss.seal.core.crypto.Sm3;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.tsp.TSTInfo;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;

import java.io.IOException;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks an RFC 3161 / GB/T 20520 signature time stamp: TSTInfo content, SM3 imprint over the time-stamped bytes (the
 * signature value), the TSA's SM2 signature, the timeStamping extended key usage and the TSA certificate path at
 * genTime.
 *
 * <p>GB/T 20520 tokens come in PKCS#7 or GM/T 0010 content types (standards notes §8), as CMS signatures do: the
 * outer type may be signedData of either, and under GM/T 0010 signedData the eContentType may be GM/T 0010 data
 * instead of id-ct-TSTInfo. Either way the content must decode as TSTInfo and the TSA's signed content-type attribute
 * must name the same eContentType, so the TSA vouched for what the token carries.
 */
public final class TimeStampVerifier {
    public static final String NO_TIME_STAMP = "NO_TIME_STAMP";
    public static final String MALFORMED_TOKEN = "MALFORMED_TOKEN";
    public static final String IMPRINT_MISMATCH = "IMPRINT_MISMATCH";
    public static final String NOT_A_TSA = "NOT_A_TSA";
    private static final ASN1ObjectIdentifier GM_SIGNED_DATA = new ASN1ObjectIdentifier("1.2.156.10197.6.1.4.2.2");
    private static final ASN1ObjectIdentifier GM_DATA = new ASN1ObjectIdentifier("1.2.156.10197.6.1.4.2.1");

    private final CertificatePathValidator paths;

    TimeStampVerifier(CertificatePathValidator paths) {
        this.paths = Objects.requireNonNull(paths, "paths");
    }

    /** The TIME_STAMP result and, when it passed, the proven time. */
    public record Result(CheckResult check, Optional<Instant> time) {
        /** The proven time, else the validation time (unproven). */
        public SigningTime signingTime(Instant validationTime) {
            return new SigningTime(time.orElse(validationTime), time.isPresent());
        }
    }

    /** An absent token is INDETERMINATE; bytes that are not a DER ContentInfo are a malformed token. */
    Result verify(Optional<byte[]> token, byte[] timeStamped) {
        if (token.isEmpty()) {
            return new Result(CheckResult.indeterminate(Check.TIME_STAMP, NO_TIME_STAMP,
                    "no signature time stamp; the signing time is only claimed"), Optional.empty());
        }
        ContentInfo contentInfo;
        try {
            ASN1Primitive der = ASN1Primitive.fromByteArray(token.get());
            if (der == null) {
                throw new IOException("no token bytes");
            }
            contentInfo = ContentInfo.getInstance(der);
        } catch (IOException | RuntimeException e) {
            return failed(MALFORMED_TOKEN, "time-stamp token is not a DER ContentInfo");
        }
        return verify(contentInfo, timeStamped);
    }

    private Result verify(ContentInfo token, byte[] timeStamped) {
        CMSSignedData signedData;
        TSTInfo info;
        SignerInformation signer;
        X509CertificateHolder tsa;
        try {
            if (!CMSObjectIdentifiers.signedData.equals(token.getContentType())
                    && !GM_SIGNED_DATA.equals(token.getContentType())) {
                return failed(MALFORMED_TOKEN, "token content type " + token.getContentType()
                        + " is not signedData (PKCS#7 or GM/T 0010)");
            }
            signedData = new CMSSignedData(token);
            ASN1ObjectIdentifier contentType = signedData.getSignedContent().getContentType();
            if (!PKCSObjectIdentifiers.id_ct_TSTInfo.equals(contentType)
                    && !(GM_SIGNED_DATA.equals(token.getContentType()) && GM_DATA.equals(contentType))) {
                return failed(MALFORMED_TOKEN, "token content type " + contentType + " is not TSTInfo");
            }
            byte[] content = (byte[]) signedData.getSignedContent().getContent();
            info = TSTInfo.getInstance(content);
            if (signedData.getSignerInfos().size() != 1) {
                return failed(MALFORMED_TOKEN, "token must have exactly one signer");
            }
            signer = signedData.getSignerInfos().getSigners().iterator().next();
            Optional<X509CertificateHolder> certificate =
                    CmsSignerVerifier.signerCertificate(signer, signedData.getCertificates());
            if (certificate.isEmpty()) {
                return failed(CmsSignerVerifier.SIGNER_CERTIFICATE_MISSING, "TSA certificate not in the token");
            }
            tsa = certificate.get();
            if (!contentType.equals(signedContentType(signer))) {
                return failed(MALFORMED_TOKEN, "the TSA's signed content-type attribute is not " + contentType);
            }
            CheckResult digest = CmsSignerVerifier.messageDigest(Check.TIME_STAMP, signer, content);
            if (digest.verdict() != Verdict.PASSED) {
                return new Result(digest.as(Check.TIME_STAMP, "token: "), Optional.empty());
            }
        } catch (CMSException | RuntimeException e) {
            return failed(MALFORMED_TOKEN, "time-stamp token unreadable: " + e.getMessage());
        }
        if (!GMObjectIdentifiers.sm3.equals(info.getMessageImprint().getHashAlgorithm().getAlgorithm())) {
            return new Result(CheckResult.indeterminate(Check.TIME_STAMP, CmsSignerVerifier.UNSUPPORTED_ALGORITHM,
                    "imprint algorithm is not SM3"), Optional.empty());
        }
        if (!MessageDigest.isEqual(info.getMessageImprint().getHashedMessage(), Sm3.hash(timeStamped))) {
            return failed(IMPRINT_MISMATCH, "time stamp is not over this signature value");
        }
        CheckResult signature = CmsSignerVerifier.signature(Check.TIME_STAMP, signer, tsa);
        if (signature.verdict() != Verdict.PASSED) {
            return new Result(signature.as(Check.TIME_STAMP, "token: "), Optional.empty());
        }
        ExtendedKeyUsage eku = ExtendedKeyUsage.fromExtensions(tsa.getExtensions());
        if (eku == null || !eku.hasKeyPurposeId(KeyPurposeId.id_kp_timeStamping)) {
            return failed(NOT_A_TSA, tsa.getSubject() + " lacks extended key usage timeStamping");
        }
        Instant genTime;
        try {
            genTime = info.getGenTime().getDate().toInstant();
        } catch (ParseException e) {
            return failed(MALFORMED_TOKEN, "genTime unreadable");
        }
        Optional<CheckResult> pathProblem = paths.validate(tsa, signedData.getCertificates().getMatches(null),
                new SigningTime(genTime, true)).firstProblem();
        if (pathProblem.isPresent()) {
            return new Result(pathProblem.get().as(Check.TIME_STAMP, "TSA certificate: "), Optional.empty());
        }
        return new Result(CheckResult.passed(Check.TIME_STAMP, "time stamp of " + genTime + " by "
                + tsa.getSubject() + " verified"), Optional.of(genTime));
    }

    private static ASN1ObjectIdentifier signedContentType(SignerInformation signer) {
        AttributeTable signed = signer.getSignedAttributes();
        Attribute attribute = signed == null ? null : signed.get(CMSAttributes.contentType);
        return attribute == null || attribute.getAttrValues().size() != 1 ? null
                : ASN1ObjectIdentifier.getInstance(attribute.getAttrValues().getObjectAt(0));
    }

    private static Result failed(String code, String reason) {
        return new Result(CheckResult.failed(Check.TIME_STAMP, code, reason), Optional.empty());
    }
}
