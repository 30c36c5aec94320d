package cn.hrss.seal.status.query;

import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.crypto.Sm3;
import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.device.Sm2PublicKey;
import cn.hrss.seal.testsupport.MutableClock;
import cn.hrss.seal.status.Seals;
import cn.hrss.seal.status.TestNode;
import cn.hrss.seal.status.api.SealStatus;
import cn.hrss.seal.status.api.SealStatusService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.util.io.pem.PemReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The public signed status endpoint, checked the way a relying party would; subclasses pick the database. */
@SpringBootTest(classes = TestNode.class)
@AutoConfigureMockMvc
@DirtiesContext
abstract class StatusQueryContract {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MockMvc mvc;
    @Autowired
    SealStatusService statuses;
    @Autowired
    CipherDevice device;
    @Autowired
    MutableClock clock;

    private Sm2PublicKey signerKey() {
        return device.exportSignPublicKey(device.findKey(TestNode.SIGNER_LABEL).orElseThrow());
    }

    /** Checks the signature headers over the exact body bytes and returns the body as JSON. */
    private JsonNode verified(MvcResult result) throws Exception {
        byte[] body = result.getResponse().getContentAsByteArray();
        byte[] signature = Base64.getDecoder().decode(result.getResponse().getHeader("Seal-Signature"));
        Sm2PublicKey key = signerKey();
        assertThat(result.getResponse().getHeader("Seal-Signer"))
                .isEqualTo(HexFormat.of().formatHex(Sm3.hash(key.uncompressed())));
        assertThat(Sm2.verify(key, body, signature)).isTrue();
        return JSON.readTree(body);
    }

    @Test
    void currentStatusIsSignedOverTheExactBody() throws Exception {
        String esId = Seals.newEsId();
        statuses.register(Seals.registration(esId, clock.instant()));
        statuses.recordChange(esId, SealStatus.SUSPENDED, null, "loss reported");

        MvcResult result = mvc.perform(get("/api/v1/seal-status/{esId}", esId)).andExpect(status().isOk()).andReturn();

        JsonNode answer = verified(result);
        assertThat(answer.get("esId").asText()).isEqualTo(esId);
        assertThat(answer.get("status").asText()).isEqualTo("SUSPENDED");
        assertThat(answer.get("reason").asText()).isEqualTo("loss reported");
        assertThat(Instant.parse(answer.get("since").asText())).isEqualTo(statuses.statusOf(esId).since());
        assertThat(Instant.parse(answer.get("nextUpdate").asText()))
                .isAfter(Instant.parse(answer.get("checkedAt").asText()));
        assertThat(answer.has("at")).isFalse();

        byte[] tampered = result.getResponse().getContentAsByteArray();
        tampered[tampered.length - 3] ^= 1;
        assertThat(Sm2.verify(signerKey(), tampered,
                Base64.getDecoder().decode(result.getResponse().getHeader("Seal-Signature")))).isFalse();
    }

    @Test
    void unknownSealGetsASignedUnknown() throws Exception {
        MvcResult result = mvc.perform(get("/api/v1/seal-status/{esId}", "NO-SUCH-SEAL"))
                .andExpect(status().isOk()).andReturn();

        JsonNode answer = verified(result);
        assertThat(answer.get("status").asText()).isEqualTo("UNKNOWN");
        assertThat(answer.has("since")).isFalse();
    }

    @Test
    void statusAtATimeComesFromTheHistoryAndEchoesTheTime() throws Exception {
        String esId = Seals.newEsId();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        statuses.register(Seals.registration(esId, now));
        Instant revoked = now.minus(Duration.ofMinutes(5));
        statuses.recordChange(esId, SealStatus.REVOKED, revoked, "unit dissolved");

        JsonNode before = verified(mvc.perform(get("/api/v1/seal-status/{esId}", esId)
                .param("at", revoked.minusSeconds(1).toString())).andExpect(status().isOk()).andReturn());
        JsonNode after = verified(mvc.perform(get("/api/v1/seal-status/{esId}", esId)
                .param("at", revoked.atOffset(ZoneOffset.ofHours(8)).toString()))
                .andExpect(status().isOk()).andReturn());

        assertThat(before.get("status").asText()).isEqualTo("VALID");
        assertThat(Instant.parse(before.get("at").asText())).isEqualTo(revoked.minusSeconds(1));
        assertThat(after.get("status").asText()).isEqualTo("REVOKED");
        assertThat(Instant.parse(after.get("at").asText())).isEqualTo(revoked);
    }

    @Test
    void badTimeIsABadParameter() throws Exception {
        for (String at : new String[] {"yesterday", "2026-13-01T00:00:00Z", "2026-01-01T00:00:00", "",
                "2026-01-01T00:00:00Z".substring(0, 13), "9999-01-01T00:00:00Z"}) {
            mvc.perform(get("/api/v1/seal-status/{esId}", "ANY").param("at", at))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("BAD_PARAMETER"))
                    .andExpect(jsonPath("$.details.parameter").value("at"));
        }
    }

    @Test
    void malformedEsIdIsRejected() throws Exception {
        mvc.perform(get("/api/v1/seal-status/{esId}", "x".repeat(65)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_ES_ID"));
        mvc.perform(get("/api/v1/seal-status/{esId}", "a b"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_ES_ID"));
    }

    @Test
    void signerPublicKeyIsPublishedAsPem() throws Exception {
        MvcResult result = mvc.perform(get("/api/v1/seal-status/signer.pem")).andExpect(status().isOk()).andReturn();

        try (PemReader pem = new PemReader(new StringReader(result.getResponse().getContentAsString()))) {
            SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(pem.readPemObject().getContent());
            assertThat(Sm2PublicKey.fromSubjectPublicKeyInfo(spki)).isEqualTo(signerKey());
        }
    }
}
