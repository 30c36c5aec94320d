package cn.hrss.seal.status.srl;

import cn.hrss.seal.status.api.SealStatus;
import cn.hrss.seal.status.persistence.ListedEntryRow;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RevocationListWriterTest {

    @Test
    void writesTheDocumentedCanonicalForm() throws Exception {
        RevocationListWriter.Header header = new RevocationListWriter.Header("HRSS seal status", "ab01", 7,
                Instant.parse("2026-01-02T03:04:05Z"), Instant.parse("2026-01-02T04:04:05.5Z"));
        List<ListedEntryRow> rows = List.of(
                new ListedEntryRow("E1", SealStatus.REVOKED, Instant.parse("2025-12-31T23:59:59.123456Z"), "单位注销"),
                new ListedEntryRow("E2", SealStatus.SUSPENDED, Instant.parse("2026-01-01T00:00:00Z"), null));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int count = RevocationListWriter.write(header, rows.iterator(), out);

        assertThat(count).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"version\":1,\"issuer\":\"HRSS seal status\","
                + "\"signerCertId\":\"ab01\",\"number\":7,\"thisUpdate\":\"2026-01-02T03:04:05.000Z\","
                + "\"nextUpdate\":\"2026-01-02T04:04:05.500Z\",\"entries\":["
                + "{\"esId\":\"E1\",\"status\":\"REVOKED\",\"since\":\"2025-12-31T23:59:59.123Z\",\"reason\":\"单位注销\"},"
                + "{\"esId\":\"E2\",\"status\":\"SUSPENDED\",\"since\":\"2026-01-01T00:00:00.000Z\"}]}");
    }

    @Test
    void emptyListIsStillAWholeDocument() throws Exception {
        RevocationListWriter.Header header = new RevocationListWriter.Header("i", "00", 1,
                Instant.EPOCH, Instant.EPOCH.plusSeconds(3600));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThat(RevocationListWriter.write(header, List.<ListedEntryRow>of().iterator(), out)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).endsWith("\"entries\":[]}");
    }
}
