package cn.hrss.seal.ca;

import cn.hrss.seal.ca.api.CaObjectIdentifiers;
import cn.hrss.seal.core.crypto.BouncyCastle;
import cn.hrss.seal.testsupport.TestDatabase;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /ca/tsa} (RFC 3161) driven with BouncyCastle-built requests. */
class TsaTest {
    private static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier("1.2.3.4.5");

    @TempDir
    static Path dir;
    static TestDatabase db;
    static TestNode node;

    @BeforeAll
    static void start() {
        db = TestDatabase.h2();
        node = TestNode.start(db, TestNode.Keys.in(dir), Map.of("seal.ca.tsa-policy", POLICY.getId()));
    }

    @AfterAll
    static void stop() {
        node.close();
        db.close();
    }

    @Test
    void inProcessTokensAreWhatTheHttpPathGrantsWithoutNonce() throws Exception {
        byte[] imprint = sm3("signature value".getBytes(StandardCharsets.UTF_8));
        Instant asked = Instant.now();
        TimeStampToken token = new TimeStampToken(new org.bouncycastle.cms.CMSSignedData(
                node.bean(cn.hrss.seal.ca.api.TimeStamping.class).token(imprint)));

        X509CertificateHolder tsaCert = token.getCertificates().getMatches(null).iterator().next();
        token.validate(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BouncyCastle.PROVIDER).build(tsaCert));
        assertThat(TestCerts.signedBy(tsaCert, node.ca().rootCertificate())).isTrue();
        assertThat(token.getTimeStampInfo().getPolicy()).isEqualTo(POLICY);
        assertThat(token.getTimeStampInfo().getMessageImprintAlgOID()).isEqualTo(GMObjectIdentifiers.sm3);
        assertThat(token.getTimeStampInfo().getMessageImprintDigest()).isEqualTo(imprint);
        assertThat(token.getTimeStampInfo().getNonce()).isNull();
        assertThat(token.getTimeStampInfo().getGenTime().toInstant()).isAfterOrEqualTo(asked.truncatedTo(
                java.time.temporal.ChronoUnit.MILLIS));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> node.bean(cn.hrss.seal.ca.api.TimeStamping.class)
                .token(new byte[20])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void grantsSm3StampWithNonceAndCertificateWhenAsked() throws Exception {
        byte[] imprint = sm3("document".getBytes(StandardCharsets.UTF_8));
        TimeStampRequestGenerator gen = new TimeStampRequestGenerator();
        gen.setCertReq(true);
        TimeStampRequest request = gen.generate(GMObjectIdentifiers.sm3, imprint, BigInteger.valueOf(0x1234567));

        Instant requested = Instant.now();
        TimeStampResponse response = stamp(request);

        assertThat(response.getStatus()).isEqualTo(PKIStatus.GRANTED);
        response.validate(request);
        TimeStampToken token = response.getTimeStampToken();
        assertThat(token.getCertificates().getMatches(null)).hasSize(1);
        X509CertificateHolder tsaCert = token.getCertificates().getMatches(null).iterator().next();
        token.validate(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BouncyCastle.PROVIDER).build(tsaCert));
        assertThat(TestCerts.signedBy(tsaCert, node.ca().rootCertificate())).isTrue();
        assertThat(token.getTimeStampInfo().getNonce()).isEqualTo(BigInteger.valueOf(0x1234567));
        assertThat(token.getTimeStampInfo().getPolicy()).isEqualTo(POLICY);
        assertThat(token.getTimeStampInfo().getMessageImprintAlgOID()).isEqualTo(GMObjectIdentifiers.sm3);
        assertThat(token.getTimeStampInfo().getMessageImprintDigest()).isEqualTo(imprint);
        assertThat(Duration.between(token.getTimeStampInfo().getGenTime().toInstant(), Instant.now()).abs())
                .isLessThan(Duration.ofMinutes(1));
        assertThat(token.getTimeStampInfo().getSerialNumber().signum()).isPositive();
        // genTime to the millisecond: never earlier than the request (a whole second would predate a seal made
        // earlier in that second)
        assertThat(token.getTimeStampInfo().getGenTime().toInstant())
                .isAfterOrEqualTo(requested.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    @Test
    void certificateIsLeftOutWhenNotAsked() throws Exception {
        TimeStampRequest request = new TimeStampRequestGenerator().generate(GMObjectIdentifiers.sm3, new byte[32]);

        TimeStampResponse response = stamp(request);

        assertThat(response.getStatus()).isEqualTo(PKIStatus.GRANTED);
        assertThat(response.getTimeStampToken().getCertificates().getMatches(null)).isEmpty();
    }

    @Test
    void sha256ImprintIsAccepted() throws Exception {
        TimeStampRequest request = new TimeStampRequestGenerator().generate(NISTObjectIdentifiers.id_sha256,
                new byte[32]);

        assertThat(stamp(request).getStatus()).isEqualTo(PKIStatus.GRANTED);
    }

    @Test
    void unsupportedHashIsRejectedWithBadAlg() throws Exception {
        TimeStampRequest request = new TimeStampRequestGenerator().generate(OIWObjectIdentifiers.idSHA1, new byte[20]);

        TimeStampResponse response = stamp(request);

        assertThat(response.getStatus()).isEqualTo(PKIStatus.REJECTION);
        assertThat(response.getFailInfo().intValue()).isEqualTo(PKIFailureInfo.badAlg);
        assertThat(response.getTimeStampToken()).isNull();
    }

    @Test
    void imprintOfTheWrongLengthIsRejectedWithBadDataFormat() throws Exception {
        TimeStampRequest request = new TimeStampRequestGenerator().generate(GMObjectIdentifiers.sm3, new byte[20]);

        TimeStampResponse response = stamp(request);

        assertThat(response.getStatus()).isEqualTo(PKIStatus.REJECTION);
        assertThat(response.getFailInfo().intValue()).isEqualTo(PKIFailureInfo.badDataFormat);
    }

    @Test
    void otherPolicyIsRejected() throws Exception {
        TimeStampRequestGenerator gen = new TimeStampRequestGenerator();
        gen.setReqPolicy(CaObjectIdentifiers.TSA_POLICY);
        TimeStampResponse response = stamp(gen.generate(GMObjectIdentifiers.sm3, new byte[32]));

        assertThat(response.getStatus()).isEqualTo(PKIStatus.REJECTION);
        assertThat(response.getFailInfo().intValue()).isEqualTo(PKIFailureInfo.unacceptedPolicy);
    }

    @Test
    void malformedRequestsAreHttp400WithAStableCode() throws Exception {
        byte[] valid = new TimeStampRequestGenerator().generate(GMObjectIdentifiers.sm3, new byte[32]).getEncoded();
        byte[][] bad = {
                "garbage".getBytes(StandardCharsets.US_ASCII),
                Arrays.copyOf(valid, valid.length - 5),
                {0x30, 0x00},
                {0x30, 0x03, 0x02, 0x01, 0x01},                   // version only
                {},
        };
        for (byte[] body : bad) {
            HttpResponse<byte[]> response = node.post("/ca/tsa", "application/timestamp-query", body);
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("\"TSA_MALFORMED_REQUEST\"");
        }
    }

    private static TimeStampResponse stamp(TimeStampRequest request) throws Exception {
        HttpResponse<byte[]> response = node.post("/ca/tsa", "application/timestamp-query", request.getEncoded());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/timestamp-reply");
        return new TimeStampResponse(response.body());
    }

    private static byte[] sm3(byte[] data) {
        SM3Digest d = new SM3Digest();
        d.update(data, 0, data.length);
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }
}
