package cn.hrss.seal.ca;

import cn.hrss.seal.ca.api.CertificateStatus;
import cn.hrss.seal.ca.api.IssuedCertificate;
import cn.hrss.seal.ca.api.RevocationReason;
import cn.hrss.seal.ca.api.SystemCertificateRequest;
import cn.hrss.seal.ca.api.Tier;
import cn.hrss.seal.ca.persistence.CertificateStore;
import cn.hrss.seal.ca.persistence.PublishedCrl;
import cn.hrss.seal.core.identity.AdministrativeRegionCode;
import cn.hrss.seal.testsupport.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The CA tables through {@link CertificateStore} on PostgreSQL and H2 (Flyway V1_x migrations applied). */
class CertificateStoreTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void recordsCertificatesRevocationsAndCrls(TestDatabase.Kind kind, @TempDir Path dir) {
        try (TestDatabase db = TestDatabase.of(kind);
             TestNode node = TestNode.start(db, TestNode.Keys.in(dir), Map.of())) {
            CertificateStore store = node.bean(CertificateStore.class);
            IssuedCertificate cert = node.ca().issueSystemCertificate(new SystemCertificateRequest("store test",
                    "HRSS", Tier.CITY, AdministrativeRegionCode.parse("440300"), TestCerts.newKey(node.device())));
            Instant at = Instant.parse("2026-01-02T03:04:05Z");

            assertThat(store.find(cert.serial())).contains(cert);
            assertThat(store.latestForKey("node-system").orElseThrow().certificate())
                    .isEqualTo(node.ca().nodeCertificate());
            assertThat(store.revoke(cert.serial(), RevocationReason.AFFILIATION_CHANGED, at)).isTrue();
            assertThat(store.revoke(cert.serial(), RevocationReason.KEY_COMPROMISE, at)).isFalse();
            assertThat(store.status(cert.serial()))
                    .isEqualTo(CertificateStatus.revoked(cert.serial(), at, RevocationReason.AFFILIATION_CHANGED));
            assertThat(store.revoked()).contains(store.status(cert.serial()));

            long next = store.nextCrlNumber();
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            PublishedCrl crl = new PublishedCrl(next, now, now.plus(1, ChronoUnit.DAYS), new byte[]{0x30, 0x00});
            assertThat(store.saveCrl(crl)).isTrue();
            // A second node publishing the same number loses and serves the winner's CRL.
            assertThat(store.saveCrl(new PublishedCrl(next, now, now, new byte[]{0x30, 0x01}))).isFalse();
            PublishedCrl latest = store.latestCrl().orElseThrow();
            assertThat(latest.number()).isEqualTo(next);
            assertThat(latest.der()).containsExactly(0x30, 0x00);
            assertThat(latest.nextUpdate()).isEqualTo(now.plus(1, ChronoUnit.DAYS));
            assertThat(store.nextCrlNumber()).isEqualTo(next + 1);
        }
    }
}
