package cn.hrss.seal.ca;

import cn.hrss.seal.testsupport.MutableClock;
import cn.hrss.seal.ca.api.IssuedCertificate;
import cn.hrss.seal.ca.api.RevocationReason;
import cn.hrss.seal.ca.api.SystemCertificateRequest;
import cn.hrss.seal.ca.api.Tier;
import cn.hrss.seal.core.crypto.BouncyCastle;
import cn.hrss.seal.core.identity.AdministrativeRegionCode;
import cn.hrss.seal.testsupport.TestDatabase;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509CRLEntryHolder;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /ca/crl}: signed by the seal root, lists revocations with reason and time, renewed in time. */
class CrlTest {
    @TempDir
    static Path dir;
    static TestDatabase db;
    static TestNode node;

    @BeforeAll
    static void start() {
        db = TestDatabase.h2();
        node = TestNode.start(db, TestNode.Keys.in(dir), Map.of("seal.ca.validity.crl", "PT24H"));
    }

    @AfterAll
    static void stop() {
        node.close();
        db.close();
    }

    @Test
    void revocationPublishesANewCrlWithTheEntry() throws Exception {
        IssuedCertificate kept = issue("kept");
        IssuedCertificate revoked = issue("revoked");
        long before = number(fetchCrl());
        Instant at = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

        node.ca().revoke(revoked.serial(), RevocationReason.KEY_COMPROMISE, at);
        X509CRLHolder crl = fetchCrl();

        assertThat(number(crl)).isGreaterThan(before);
        assertThat(crl.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(BouncyCastle.PROVIDER)
                .build(node.ca().rootCertificate()))).isTrue();
        assertThat(crl.getIssuer()).isEqualTo(node.ca().rootCertificate().getSubject());
        X509CRLEntryHolder entry = crl.getRevokedCertificate(revoked.serial());
        assertThat(entry).isNotNull();
        assertThat(entry.getRevocationDate().toInstant()).isEqualTo(at);
        assertThat(CRLReason.getInstance(entry.getExtension(Extension.reasonCode).getParsedValue()).getValue())
                .isEqualTo(BigInteger.valueOf(CRLReason.keyCompromise));
        assertThat(crl.getRevokedCertificate(kept.serial())).isNull();
        assertThat(AuthorityKeyIdentifier.fromExtensions(crl.getExtensions()).getKeyIdentifierOctets()).isEqualTo(
                SubjectKeyIdentifier.fromExtensions(node.ca().rootCertificate().getExtensions()).getKeyIdentifier());
        assertThat(Duration.between(crl.getThisUpdate().toInstant(), crl.getNextUpdate().toInstant()))
                .isEqualTo(Duration.ofHours(24));
    }

    @Test
    void crlIsReusedUntilNextUpdateApproachesThenRenewed() throws Exception {
        MutableClock clock = node.bean(MutableClock.class);
        long first = number(fetchCrl());
        assertThat(number(fetchCrl())).isEqualTo(first);
        try {
            clock.advance(Duration.ofHours(19)); // less than a quarter of 24 h left
            X509CRLHolder renewed = fetchCrl();

            assertThat(number(renewed)).isEqualTo(first + 1);
            assertThat(renewed.getThisUpdate().toInstant()).isAfter(Instant.now().plus(Duration.ofHours(18)));
        } finally {
            clock.reset();
        }
    }

    private static X509CRLHolder fetchCrl() throws Exception {
        HttpResponse<byte[]> response = node.get("/ca/crl");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/pkix-crl");
        return new X509CRLHolder(response.body());
    }

    private static long number(X509CRLHolder crl) {
        return CRLNumber.getInstance(crl.getExtension(Extension.cRLNumber).getParsedValue()).getCRLNumber()
                .longValueExact();
    }

    private static IssuedCertificate issue(String name) {
        return node.ca().issueSystemCertificate(new SystemCertificateRequest(name, "HRSS", Tier.MINISTRY,
                AdministrativeRegionCode.parse("100000"),
                TestCerts.newKey(node.device())));
    }
}
