package cn.hrss.seal.application.ofd;

import cn.hrss.seal.application.ofd.OfdCheck.Kind;
import cn.hrss.seal.core.crypto.BouncyCastle;
import cn.hrss.seal.core.crypto.Sm3;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampToken;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The RFC 3161 / GB/T 20520 token in SES_Signature.timeStamp: imprint = SM3 of the signature value (ofdrw's reading,
 * UNCONFIRMED), token signature by the TSA certificate it carries, that certificate trusted at the stamp time,
 * and the stamp not before the claimed signing time.
 */
final class TimeStampCheck {
    private TimeStampCheck() {
    }

    static OfdCheck check(byte[] token, byte[] signatureValue, Optional<Instant> signingTime, TrustedRoots roots,
                          List<byte[]> intermediates) {
        TimeStampToken tst;
        try {
            tst = new TimeStampToken(ContentInfo.getInstance(token));
        } catch (Exception e) {
            return OfdCheck.failed(Kind.TIME_STAMP, "time stamp is not an RFC 3161 token: " + e.getMessage());
        }
        var info = tst.getTimeStampInfo();
        if (!GMObjectIdentifiers.sm3.equals(info.getMessageImprintAlgOID())) {
            return OfdCheck.indeterminate(Kind.TIME_STAMP, "imprint algorithm " + info.getMessageImprintAlgOID()
                    + " is not SM3");
        }
        if (!MessageDigest.isEqual(info.getMessageImprintDigest(), Sm3.hash(signatureValue))) {
            return OfdCheck.failed(Kind.TIME_STAMP, "time stamp imprint is not SM3 of the signature value");
        }
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> certs = tst.getCertificates().getMatches(tst.getSID());
        if (certs.isEmpty()) {
            return OfdCheck.indeterminate(Kind.TIME_STAMP, "token carries no TSA certificate");
        }
        X509CertificateHolder tsa = certs.iterator().next();
        try {
            tst.validate(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BouncyCastle.PROVIDER).build(tsa));
        } catch (Exception e) {
            return OfdCheck.failed(Kind.TIME_STAMP, "time stamp signature invalid: " + e.getMessage());
        }
        Instant genTime = info.getGenTime().toInstant();
        if (signingTime.isPresent() && genTime.isBefore(signingTime.get().minusSeconds(1))) {
            return OfdCheck.failed(Kind.TIME_STAMP, "time stamp " + genTime + " precedes the signing time");
        }
        try {
            OfdCheck chain = roots.check(Kind.TIME_STAMP, tsa.getEncoded(), intermediates, genTime);
            return chain.status() == cn.hrss.seal.core.ses.SesCheck.Status.PASSED
                    ? OfdCheck.passed(Kind.TIME_STAMP, "time stamp at " + genTime + " over the signature value; "
                    + "TSA " + chain.reason())
                    : new OfdCheck(Kind.TIME_STAMP, chain.status(), "TSA certificate: " + chain.reason());
        } catch (java.io.IOException e) {
            return OfdCheck.failed(Kind.TIME_STAMP, "TSA certificate unreadable");
        }
    }
}
