package cn.hrss.seal.application.verify;

import cn.hrss.seal.core.crypto.Sm3;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.tsp.TSTInfo;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;

import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks an RFC 3161 signature time stamp: TSTInfo content, SM3 imprint over the time-stamped bytes (the signature
 * value), the TSA's SM2 signature, the timeStamping extended key usage and the TSA certificate path at genTime.
 */
public final class TimeStampVerifier {
    public static final String NO_TIME_STAMP = "NO_TIME_STAMP";
    public static final String MALFORMED_TOKEN = "MALFORMED_TOKEN";
    public static final String IMPRINT_MISMATCH = "IMPRINT_MISMATCH";
    public static final String NOT_A_TSA = "NOT_A_TSA";

    private final CertificatePathValidator paths;

    public TimeStampVerifier(CertificatePathValidator paths) {
        this.paths = Objects.requireNonNull(paths, "paths");
    }

    /** The TIME_STAMP result and, when it passed, the proven time. */
    public record Result(CheckResult check, Optional<Instant> time) {
    }

    public static Result absent() {
        return new Result(CheckResult.indeterminate(Check.TIME_STAMP, NO_TIME_STAMP,
                "no signature time stamp; the signing time is only claimed"), Optional.empty());
    }

    public Result verify(ContentInfo token, byte[] timeStamped) {
        CMSSignedData signedData;
        TSTInfo info;
        SignerInformation signer;
        X509CertificateHolder tsa;
        try {
            signedData = new CMSSignedData(token);
            if (!PKCSObjectIdentifiers.id_ct_TSTInfo.equals(signedData.getSignedContent().getContentType())) {
                return failed(MALFORMED_TOKEN, "token content is not TSTInfo");
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
        CertificatePathValidator.PathResult path = paths.validate(tsa, signedData.getCertificates().getMatches(null),
                genTime, true);
        for (CheckResult result : path.checks()) {
            if (result.decisive() && result.verdict() != Verdict.PASSED) {
                return new Result(result.as(Check.TIME_STAMP, "TSA certificate: "), Optional.empty());
            }
        }
        return new Result(CheckResult.passed(Check.TIME_STAMP, "time stamp of " + genTime + " by "
                + tsa.getSubject() + " verified"), Optional.of(genTime));
    }

    private static Result failed(String code, String reason) {
        return new Result(CheckResult.failed(Check.TIME_STAMP, code, reason), Optional.empty());
    }
}
