package cn.hrss.seal.status.srl;

import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.testsupport.MutableClock;
import cn.hrss.seal.status.Seals;
import cn.hrss.seal.status.TestNode;
import cn.hrss.seal.status.api.SealStatus;
import cn.hrss.seal.status.api.SealStatusService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The seal revocation list as an outside tool sees it; subclasses pick the database. */
@SpringBootTest(classes = TestNode.class)
@AutoConfigureMockMvc
@DirtiesContext
abstract class RevocationListContract {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MockMvc mvc;
    @Autowired
    SealStatusService statuses;
    @Autowired
    RevocationListPublisher publisher;
    @Autowired
    CipherDevice device;
    @Autowired
    MutableClock clock;
    @Autowired
    PlatformTransactionManager transactionManager;

    private String registered() {
        String esId = Seals.newEsId();
        statuses.register(Seals.registration(esId, clock.instant()));
        return esId;
    }

    private static Map<String, JsonNode> entries(JsonNode list) {
        Map<String, JsonNode> byEsId = new java.util.HashMap<>();
        list.get("entries").forEach(e -> byEsId.put(e.get("esId").asText(), e));
        return byEsId;
    }

    @Test
    void listHoldsRevokedAndSuspendedSealsOnly() throws Exception {
        String revoked = registered();
        String suspended = registered();
        String valid = registered();
        String reinstated = registered();
        statuses.recordChange(revoked, SealStatus.REVOKED, null, "unit dissolved");
        statuses.recordChange(suspended, SealStatus.SUSPENDED, null, "loss reported");
        statuses.recordChange(reinstated, SealStatus.SUSPENDED, null, "loss reported");
        statuses.recordChange(reinstated, SealStatus.VALID, null, "carrier found");
        PublishedList published = publisher.publish();

        MvcResult result = mvc.perform(get("/api/v1/seal-status/revocation-list").param("number",
                Long.toString(published.number()))).andExpect(status().isOk()).andReturn();
        JsonNode list = JSON.readTree(result.getResponse().getContentAsByteArray());

        assertThat(list.get("version").asInt()).isEqualTo(1);
        assertThat(list.get("number").asLong()).isEqualTo(published.number());
        assertThat(list.get("signerCertId").asText()).isEqualTo(result.getResponse().getHeader("Seal-Signer"));
        assertThat(Duration.between(Instant.parse(list.get("thisUpdate").asText()),
                Instant.parse(list.get("nextUpdate").asText()))).isEqualTo(Duration.ofHours(1));
        Map<String, JsonNode> entries = entries(list);
        assertThat(entries.get(revoked).get("status").asText()).isEqualTo("REVOKED");
        assertThat(entries.get(revoked).get("reason").asText()).isEqualTo("unit dissolved");
        assertThat(Instant.parse(entries.get(revoked).get("since").asText()))
                .isEqualTo(statuses.statusOf(revoked).since());
        assertThat(entries.get(suspended).get("status").asText()).isEqualTo("SUSPENDED");
        assertThat(entries).doesNotContainKeys(valid, reinstated);
        List<String> order = StreamSupport.stream(list.get("entries").spliterator(), false)
                .map(e -> e.get("esId").asText()).toList();
        assertThat(order).hasSize(published.entryCount());
        assertThat(Sm2.verify(device.exportSignPublicKey(device.findKey(TestNode.SIGNER_LABEL).orElseThrow()),
                result.getResponse().getContentAsByteArray(),
                Base64.getDecoder().decode(result.getResponse().getHeader("Seal-Signature")))).isTrue();
    }

    @Test
    void opensslVerifiesTheListAndRejectsAFlippedByte(@TempDir Path dir) throws Exception {
        statuses.recordChange(registered(), SealStatus.REVOKED, null, "撤销：单位注销");
        long number = publisher.publish().number();

        Path document = dir.resolve("srl.json");
        Path signature = dir.resolve("srl.sig");
        Path signerPem = dir.resolve("signer-pub.pem");
        Files.write(document, mvc.perform(get("/api/v1/seal-status/revocation-list").param("number", "" + number))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        Files.write(signature, mvc.perform(get("/api/v1/seal-status/revocation-list.sig").param("number", "" + number))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        Files.write(signerPem, mvc.perform(get("/api/v1/seal-status/signer.pem"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());

        OpenSsl.Result good = OpenSsl.verify(signerPem, signature, document);
        assertThat(good.output()).isEqualTo("Verified OK");
        assertThat(good.exitCode()).isZero();

        byte[] tampered = Files.readAllBytes(document);
        tampered[tampered.length / 2] ^= 0x01;
        Files.write(document, tampered);
        OpenSsl.Result bad = OpenSsl.verify(signerPem, signature, document);
        assertThat(bad.output()).contains("Verification failure");
        assertThat(bad.exitCode()).isNotZero();
    }

    @Test
    void numbersOnlyGrowAndOlderListsStayRetrievable() throws Exception {
        PublishedList first = publisher.publish();
        PublishedList second = publisher.publish();

        assertThat(second.number()).isGreaterThan(first.number());
        assertThat(publisher.current().number()).isGreaterThanOrEqualTo(second.number());
        mvc.perform(get("/api/v1/seal-status/revocation-list").param("number", "" + first.number()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.number").value(first.number()));
        mvc.perform(get("/api/v1/seal-status/revocation-list.sig").param("number", "999999999"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("SRL_NOT_FOUND"));
        mvc.perform(get("/api/v1/seal-status/revocation-list").param("number", "12x"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("BAD_PARAMETER"));
    }

    @Test
    void aBurstOfChangesIsPublishedSoonAsOneList() throws Exception {
        List<String> revoked = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            revoked.add(registered());
        }
        Thread.sleep(1000); // let publications triggered by earlier changes finish
        long before = publisher.current().number();

        // one commit, five changes: the events arrive together, well inside one debounce window
        new TransactionTemplate(transactionManager).executeWithoutResult(tx -> revoked.forEach(
                esId -> statuses.recordChange(esId, SealStatus.REVOKED, null, "burst")));

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonNode list;
        do {
            Thread.sleep(100);
            list = JSON.readTree(publisher.current().document());
        } while (!entries(list).keySet().containsAll(revoked) && System.nanoTime() < deadline);
        Thread.sleep(500); // a second list, if the debounce failed, would appear by now

        assertThat(entries(list)).containsKeys(revoked.toArray(String[]::new));
        assertThat(publisher.current().number()).isEqualTo(before + 1);
    }

    @Test
    void listIsDueOnlyWhenItIsAboutToRunOut() {
        publisher.publish();
        assertThat(publisher.due()).isFalse();
        clock.advance(Duration.ofMinutes(59).plusSeconds(1));
        try {
            assertThat(publisher.due()).isTrue();
        } finally {
            clock.reset();
        }
    }
}
