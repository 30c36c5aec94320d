package cn.hrss.seal.contract;

import static cn.hrss.seal.testsupport.TestIdentifiers.creditCode;
import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.seal.accounts.api.Role;
import cn.hrss.seal.accounts.api.SealPrincipal;
import cn.hrss.seal.evidence.api.EvidenceLog;
import cn.hrss.seal.testsupport.TestDatabase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The module on a node without an evidence log and without a mail server: contracts still work, their events are
 * kept with the contract (no leaf index) and invitations are in-site messages only.
 */
@SpringBootTest(classes = ContractTestApp.class, properties = {"seal.evidence.enabled=false",
        "seal.making.expiry.enabled=false", "seal.service-mgmt.enabled=false",
        "seal.service-mgmt.base-url=http://127.0.0.1:1", "seal.contract.expiry-scheduler=false"})
class H2ContractWithoutEvidenceOrMailTest {
    static final TestDatabase DB = TestDatabase.h2();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", DB::url);
        r.add("spring.datasource.username", DB::user);
        r.add("spring.datasource.password", DB::password);
    }

    @Autowired ApplicationContext context;
    @Autowired Institutions institutions;
    @Autowired Contracts contracts;
    @Autowired ContractReading reading;
    @Autowired JdbcTemplate jdbc;

    @Test
    void contractsWorkWithoutEvidenceLogAndMail() throws Exception {
        assertThat(context.getBeanProvider(EvidenceLog.class).getIfAvailable()).isNull();
        assertThat(context.getBeanProvider(JavaMailSender.class).getIfAvailable()).isNull();
        String a = institutions.register("甲", creditCode("350100"), "a@example.test", "ba").id();
        String b = institutions.register("乙", creditCode("350100"), "b@example.test", "ba").id();
        institutions.addMember(a, "alice", "ba");
        institutions.addMember(b, "bob", "ba");
        Institutions.Member alice = institutions.member(principal("alice"));
        String id = contracts.create(new Contracts.NewContract("t", ContractTestBase.pdf(),
                ContractStore.SigningOrder.SEQUENTIAL, Instant.now().plus(1, ChronoUnit.DAYS),
                List.of(new Contracts.NewParty(b, "NO-SEAL", "b@example.test"))), alice).id();
        assertThat(jdbc.queryForList("SELECT kind FROM contract_message WHERE institution_id = ?", String.class, b))
                .containsExactly("INVITATION");
        contracts.withdraw(id, "不再需要", alice);
        ContractReading.EvidenceReport report = reading.evidenceReport(id, institutions.member(principal("bob")));
        assertThat(report.events()).extracting(ContractReading.EventEvidence::event)
                .containsExactly("CREATED", "NOTIFIED", "WITHDRAWN");
        assertThat(report.events()).allSatisfy(e -> {
            assertThat(e.leafIndex()).isEmpty();
            assertThat(e.leafHash()).hasSize(64);
        });
    }

    private static SealPrincipal principal(String username) {
        return new SealPrincipal(SealPrincipal.Kind.USER, username, username, Set.of(Role.SEAL_OPERATOR));
    }
}
