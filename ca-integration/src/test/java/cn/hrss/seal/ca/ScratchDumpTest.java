package cn.hrss.seal.ca;

import cn.hrss.seal.ca.api.*;
import cn.hrss.seal.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import java.nio.file.*;
import java.util.Map;

class ScratchDumpTest {
    @Test
    void dump() throws Exception {
        Path dir = Files.createTempDirectory("scratch");
        try (TestDatabase db = TestDatabase.h2(); TestNode node = TestNode.start(db, TestNode.Keys.in(dir), Map.of())) {
            Path out = Path.of("/tmp/caout");
            Files.write(out.resolve("root.pem"), node.get("/ca/root.pem").body());
            Files.write(out.resolve("node.pem"), node.get("/ca/node.pem").body());
            IssuedCertificate seal = node.ca().issueSealCertificate(new SealCertificateRequest("44030012345678",
                "Seal", "Unit", "11440300MB2C12345X", "making", TestCerts.newKey(node.device())));
            Files.write(out.resolve("seal.der"), seal.encoded());
            IssuedCertificate seal2 = node.ca().issueSealCertificate(new SealCertificateRequest("44030012345679",
                "Seal2", "Unit", "11440300MB2C12345X", "making", TestCerts.newKey(node.device())));
            Files.write(out.resolve("seal2.der"), seal2.encoded());
            node.ca().revoke(seal2.serial(), RevocationReason.KEY_COMPROMISE, null);
            Files.write(out.resolve("crl.der"), node.get("/ca/crl").body());
            var ids = node.bean(cn.hrss.seal.ca.authority.CaIdentities.class);
            Files.write(out.resolve("ocsp.der"), ids.ocspSigner().certificate().getEncoded());
            Files.write(out.resolve("tsa.der"), ids.tsa().certificate().getEncoded());
            Files.writeString(out.resolve("port"), "" + node.port());
            Thread.sleep(Long.getLong("scratch.sleep", 150) * 1000);
        }
    }
}
