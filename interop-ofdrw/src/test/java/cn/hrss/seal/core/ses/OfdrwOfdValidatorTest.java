package cn.hrss.seal.core.ses;

import cn.hrss.seal.application.ofd.OfdPlacement;
import cn.hrss.seal.application.ofd.OfdSamples;
import cn.hrss.seal.application.ofd.OfdSigner;
import cn.hrss.seal.application.ofd.OfdTestPki;
import cn.hrss.seal.application.sign.SealSigningKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * OFD documents signed by our OfdSigner, checked by ofdrw 2.3.3's own OFDValidator with SESV4ValidateContainer
 * (reference hashes with CheckMethod through BouncyCastle 1.68, Seal.esl match, dataHash, signer signature), run in
 * the isolated class loader.
 */
class OfdrwOfdValidatorTest {
    private static final byte[] DOCUMENT = OfdSamples.document(List.of(
            List.of("劳动合同", "甲方：测试单位"), List.of("第二页"), List.of("盖章处：甲方盖章")));

    @TempDir
    static Path dir;
    private static IsolatedOfdrw ofdrw;
    private static OfdTestPki pki;
    private static SealSigningKey unitSeal;
    private static SealSigningKey contractSeal;
    private final OfdSigner signer = new OfdSigner();

    @BeforeAll
    static void load() throws IOException {
        ofdrw = IsolatedOfdrw.load();
        pki = new OfdTestPki(dir);
        unitSeal = pki.sealKey("测试单位公章", 40, 40);
        contractSeal = pki.sealKey("合同专用章", 42, 42);
    }

    @AfterAll
    static void close() throws IOException {
        pki.close();
        ofdrw.close();
    }

    /** Runs OFDValidator.exeValidate on the file; returns normally when ofdrw accepts every signature. */
    private static void ofdrwValidates(byte[] ofd, String name) throws IOException {
        Path file = dir.resolve(name + ".ofd");
        Files.write(file, ofd);
        Object reader = ofdrw.construct("org.ofdrw.reader.OFDReader", file);
        try {
            Object validator = ofdrw.construct("org.ofdrw.sign.verify.OFDValidator", reader);
            ofdrw.call(validator, "setValidator",
                    ofdrw.construct("org.ofdrw.sign.verify.container.SESV4ValidateContainer"));
            ofdrw.call(validator, "exeValidate");
        } finally {
            ofdrw.call(reader, "close");
        }
    }

    private byte[] sign(byte[] ofd, SealSigningKey key, OfdPlacement placement) {
        return signer.sign(ofd, key, placement, OfdTestPki.SIGNED_AT, null);
    }

    @Test
    void ofdrwValidatesOurSignedOfd() throws IOException {
        ofdrwValidates(sign(DOCUMENT, unitSeal, OfdPlacement.at(0, 120, 200)), "one");
    }

    @Test
    void ofdrwValidatesTwoSealsAppliedOneAfterTheOther() throws IOException {
        byte[] once = sign(DOCUMENT, unitSeal, OfdPlacement.keyword("甲方盖章"));
        ofdrwValidates(sign(once, contractSeal, OfdPlacement.riding(120)), "two");
    }

    @Test
    void ofdrwValidatesATimeStampedSignature() throws IOException {
        ofdrwValidates(signer.sign(DOCUMENT, unitSeal, OfdPlacement.at(1, 10, 10), OfdTestPki.SIGNED_AT,
                pki.timeStamps(OfdTestPki.SIGNED_AT.plusSeconds(1))), "stamped");
    }

    @Test
    void ofdrwRejectsAChangedPage() {
        Map<String, byte[]> files = OfdSamples.unzip(sign(DOCUMENT, unitSeal, OfdPlacement.at(0, 120, 200)));
        String page = "Doc_0/Pages/Page_1/Content.xml";
        files.put(page, new String(files.get(page), StandardCharsets.UTF_8).replace("第二页", "第三页")
                .getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> ofdrwValidates(OfdSamples.zipBytes(files), "changed-page"))
                .rootCause().isInstanceOf(ofdrw.type("org.ofdrw.sign.verify.exceptions.FileIntegrityException"));
    }

    @Test
    void ofdrwRejectsATamperedSignedValue() {
        Map<String, byte[]> files = OfdSamples.unzip(sign(DOCUMENT, unitSeal, OfdPlacement.at(0, 120, 200)));
        byte[] value = files.get("Doc_0/Signs/Sign_0/SignedValue.dat");
        value[value.length - 5] ^= 0x01;

        assertThatThrownBy(() -> ofdrwValidates(OfdSamples.zipBytes(files), "tampered-value"))
                .rootCause()
                .isInstanceOf(ofdrw.type("org.ofdrw.sign.verify.exceptions.InvalidSignedValueException"));
        assertThat(value).isNotEmpty();
    }
}
