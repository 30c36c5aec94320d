package cn.hrss.seal.ca;

import cn.hrss.seal.ca.api.CaObjectIdentifiers;
import cn.hrss.seal.ca.api.CertificateProfile;
import cn.hrss.seal.ca.api.CertificateRevoked;
import cn.hrss.seal.ca.api.CertificateStatus;
import cn.hrss.seal.ca.api.IssuedCertificate;
import cn.hrss.seal.ca.api.RevocationReason;
import cn.hrss.seal.ca.api.SealCertificateRequest;
import cn.hrss.seal.ca.api.SystemCertificateRequest;
import cn.hrss.seal.ca.api.SystemIdentity;
import cn.hrss.seal.ca.api.Tier;
import cn.hrss.seal.core.error.SealException;
import cn.hrss.seal.core.identity.AdministrativeRegionCode;
import cn.hrss.seal.core.identity.UnifiedCreditCode;
import cn.hrss.seal.testsupport.TestDatabase;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue, revoke and restart against PostgreSQL and H2: the CA's state lives in the database and the device. */
class CaLifecycleTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void statePersistsAcrossRestartAndTheRootIsKept(TestDatabase.Kind kind, @TempDir Path dir) throws Exception {
        TestNode.Keys keys = TestNode.Keys.in(dir);
        try (TestDatabase db = TestDatabase.of(kind)) {
            X509CertificateHolder root;
            X509CertificateHolder node;
            IssuedCertificate system;
            IssuedCertificate seal;
            Instant revokedAt = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
            try (TestNode first = TestNode.start(db, keys, Map.of("seal.tier", "PROVINCE",
                    "seal.region-code", "440000"))) {
                root = first.ca().rootCertificate();
                node = first.ca().nodeCertificate();
                system = first.ca().issueSystemCertificate(new SystemCertificateRequest("Guangdong status",
                        "Guangdong HRSS", Tier.PROVINCE, AdministrativeRegionCode.parse("440000"),
                        TestCerts.newKey(first.device())));
                seal = first.ca().issueSealCertificate(new SealCertificateRequest("44000012345678",
                        "Contract seal", "Guangdong HRSS Dept", UnifiedCreditCode.parse("11440000MB2C12348U"),
                        "Guangdong making",
                        TestCerts.newKey(first.device())));
                first.ca().revoke(seal.serial(), RevocationReason.KEY_COMPROMISE, revokedAt);
            }
            try (TestNode second = TestNode.start(db, keys, Map.of("seal.tier", "PROVINCE",
                    "seal.region-code", "440000"))) {
                assertThat(second.ca().rootCertificate()).isEqualTo(root);
                assertThat(second.ca().nodeCertificate()).isEqualTo(node);
                assertThat(second.ca().find(system.serial())).contains(system);
                assertThat(second.ca().status(system.serial()).state()).isEqualTo(CertificateStatus.State.GOOD);
                assertThat(second.ca().status(seal.serial()))
                        .isEqualTo(CertificateStatus.revoked(seal.serial(), revokedAt,
                                RevocationReason.KEY_COMPROMISE));
                assertThat(second.ca().status(BigInteger.TEN).state()).isEqualTo(CertificateStatus.State.UNKNOWN);
                assertThat(TestCerts.signedBy(second.ca().find(seal.serial()).orElseThrow().certificate(), root))
                        .isTrue();
            }
        }
    }

    @Test
    void nodeCertificateFollowsAConfiguredTierChangeUnderTheSameRoot(@TempDir Path dir) throws Exception {
        TestNode.Keys keys = TestNode.Keys.in(dir);
        try (TestDatabase db = TestDatabase.h2()) {
            X509CertificateHolder root;
            X509CertificateHolder cityNode;
            try (TestNode city = TestNode.start(db, keys, Map.of("seal.tier", "CITY", "seal.region-code", "440300"))) {
                root = city.ca().rootCertificate();
                cityNode = city.ca().nodeCertificate();
            }
            try (TestNode province = TestNode.start(db, keys, Map.of("seal.tier", "PROVINCE",
                    "seal.region-code", "440000"))) {
                X509CertificateHolder provinceNode = province.ca().nodeCertificate();

                assertThat(province.ca().rootCertificate()).isEqualTo(root);
                assertThat(provinceNode).isNotEqualTo(cityNode);
                assertThat(provinceNode.getSubjectPublicKeyInfo()).isEqualTo(cityNode.getSubjectPublicKeyInfo());
                assertThat(SystemIdentity.getInstance(provinceNode.getExtension(CaObjectIdentifiers.SYSTEM_IDENTITY)
                        .getParsedValue()).tier()).isEqualTo(Tier.PROVINCE);
            }
        }
    }

    @Test
    void refusesToStartWhenTheDeviceDoesNotHoldTheRootKeyOfTheDatabase(@TempDir Path dir) throws Exception {
        try (TestDatabase db = TestDatabase.h2()) {
            TestNode.start(db, TestNode.Keys.in(Files.createDirectory(dir.resolve("first"))), Map.of()).close();
            TestNode.Keys otherDevice = TestNode.Keys.in(Files.createDirectory(dir.resolve("other")));

            assertThatThrownBy(() -> TestNode.start(db, otherDevice, Map.of()))
                    .hasStackTraceContaining("does not match the key 'seal-root'");
        }
    }

    @Test
    void invalidConfigurationStopsTheStart(@TempDir Path dir) {
        try (TestDatabase db = TestDatabase.h2()) {
            assertThatThrownBy(() -> TestNode.start(db, TestNode.Keys.in(dir), Map.of("seal.region-code", "44")))
                    .hasStackTraceContaining("regionCode");
            assertThatThrownBy(() -> TestNode.start(db, TestNode.Keys.in(dir), Map.of("seal.ca.tsa-policy", "x")))
                    .hasStackTraceContaining("tsaPolicy");
            assertThatThrownBy(() -> TestNode.start(db, TestNode.Keys.in(dir), Map.of("seal.ca.validity.crl", "PT0S")))
                    .hasStackTraceContaining("validity.crl");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void revocationRulesAndEvent(TestDatabase.Kind kind, @TempDir Path dir) throws Exception {
        try (TestDatabase db = TestDatabase.of(kind);
             TestNode node = TestNode.start(db, TestNode.Keys.in(dir), Map.of())) {
            RevocationEvents events = node.bean(RevocationEvents.class);
            IssuedCertificate system = node.ca().issueSystemCertificate(new SystemCertificateRequest("City making",
                    "Shenzhen HRSS", Tier.CITY, AdministrativeRegionCode.parse("440300"),
                    TestCerts.newKey(node.device())));

            CertificateStatus status = node.ca().revoke(system.serial(), RevocationReason.SUPERSEDED, null);

            assertThat(status.state()).isEqualTo(CertificateStatus.State.REVOKED);
            assertThat(events.received()).singleElement().satisfies(e -> {
                assertThat(e.serial()).isEqualTo(system.serial());
                assertThat(e.profile()).isEqualTo(CertificateProfile.SYSTEM);
                assertThat(e.reason()).isEqualTo(RevocationReason.SUPERSEDED);
            });
            assertThatThrownBy(() -> node.ca().revoke(system.serial(), RevocationReason.SUPERSEDED, null))
                    .isInstanceOfSatisfying(SealException.class,
                            e -> assertThat(e.code()).isEqualTo("CA_ALREADY_REVOKED"));
            assertThatThrownBy(() -> node.ca().revoke(BigInteger.valueOf(42), RevocationReason.UNSPECIFIED, null))
                    .isInstanceOfSatisfying(SealException.class,
                            e -> assertThat(e.code()).isEqualTo("CA_CERT_NOT_FOUND"));
            assertThatThrownBy(() -> node.ca().revoke(node.ca().rootCertificate().getSerialNumber(),
                    RevocationReason.UNSPECIFIED, null))
                    .isInstanceOfSatisfying(SealException.class,
                            e -> assertThat(e.code()).isEqualTo("CA_REVOCATION_FORBIDDEN"));
            assertThatThrownBy(() -> node.ca().renew(system.serial(), TestCerts.newKey(node.device())))
                    .isInstanceOfSatisfying(SealException.class,
                            e -> assertThat(e.code()).isEqualTo("CA_CERT_NOT_RENEWABLE"));
            assertThat(events.received()).hasSize(1);
        }
    }
}
