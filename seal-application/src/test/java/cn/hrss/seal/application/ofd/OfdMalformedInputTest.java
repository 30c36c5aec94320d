package cn.hrss.seal.application.ofd;

import cn.hrss.seal.application.verify.Check;
import cn.hrss.seal.application.verify.RevocationSource;
import cn.hrss.seal.application.verify.Verdict;
import cn.hrss.seal.application.verify.VerificationReport;
import cn.hrss.seal.core.ses.SesLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(30)
class OfdMalformedInputTest {
    private static final byte[] DOCUMENT = OfdSamples.document(List.of(List.of("第一页"), List.of("第二页")));
    private final OfdVerifier verifier = new OfdVerifier(List.of());

    /** Unreadable packages are a FAILED FORMAT document check with the OfdException code, never an exception. */
    private static void assertCode(Supplier<VerificationReport> verification, String code) {
        VerificationReport report = verification.get();
        assertThat(report.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(report.signatures()).isEmpty();
        assertThat(report.documentChecks()).singleElement().satisfies(c -> {
            assertThat(c.check()).isEqualTo(Check.FORMAT);
            assertThat(c.code()).isEqualTo(code);
        });
    }

    private static OfdVerifier verifier(OfdLimits limits) {
        return new OfdVerifier(List.of(), RevocationSource.notChecked(), Clock.systemUTC(), limits,
                SesLimits.DEFAULT);
    }

    @Test
    void notAZip() {
        assertCode(() -> verifier.verify("%PDF-1.7 not an OFD".getBytes(StandardCharsets.US_ASCII)),
                OfdException.MALFORMED);
        assertCode(() -> verifier.verify(new byte[0]), OfdException.MALFORMED);
    }

    @Test
    void everyTruncationIsMalformedOrReadable() {
        for (int length = 0; length < DOCUMENT.length; length += 7) {
            VerificationReport report = verifier.verify(Arrays.copyOf(DOCUMENT, length));
            assertThat(report.documentChecks()).as("length %d", length).singleElement()
                    .satisfies(c -> assertThat(c.code()).isIn(OfdException.MALFORMED, VerificationReport.NO_SIGNATURE));
        }
    }

    @Test
    void missingOfdXmlOrDocument() {
        Map<String, byte[]> files = OfdSamples.unzip(DOCUMENT);
        files.remove("Doc_0/Document.xml");
        assertCode(() -> verifier.verify(OfdSamples.zipBytes(files)), OfdException.MALFORMED);
        assertCode(() -> verifier.verify(OfdSamples.zip(Map.of("a.txt", "x"))), OfdException.MALFORMED);
    }

    @Test
    void doctypeIsRefused() {
        Map<String, byte[]> files = OfdSamples.unzip(DOCUMENT);
        files.put("OFD.xml", ("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>"
                + "<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\">&lol2;</ofd:OFD>")
                .getBytes(StandardCharsets.UTF_8));
        assertCode(() -> verifier.verify(OfdSamples.zipBytes(files)), OfdException.MALFORMED);

        files.put("OFD.xml", ("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\">&e;</ofd:OFD>").getBytes(StandardCharsets.UTF_8));
        assertCode(() -> verifier.verify(OfdSamples.zipBytes(files)), OfdException.MALFORMED);
    }

    @Test
    void pathsClimbingOutOfThePackageAreRefused() {
        Map<String, byte[]> files = OfdSamples.unzip(DOCUMENT);
        files.put("../evil.xml", new byte[1]);
        assertCode(() -> verifier.verify(OfdSamples.zipBytes(files)), OfdException.MALFORMED);

        Map<String, String> docRoot = new LinkedHashMap<>();
        docRoot.put("OFD.xml", "<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\"><ofd:DocBody>"
                + "<ofd:DocRoot>../../Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>");
        assertCode(() -> verifier.verify(OfdSamples.zip(docRoot)), OfdException.MALFORMED);
    }

    @Test
    void zipBombIsStoppedByTheUncompressedLimit() {
        Map<String, byte[]> files = OfdSamples.unzip(DOCUMENT);
        files.put("Doc_0/Res/zeros.bin", new byte[4 * 1024 * 1024]); // deflates to a few KiB
        byte[] bomb = OfdSamples.zipBytes(files);
        assertThat(bomb.length).isLessThan(64 * 1024);

        OfdVerifier strict = verifier(new OfdLimits(100, 1024 * 1024, 8L * 1024 * 1024));
        assertCode(() -> strict.verify(bomb), OfdException.TOO_LARGE);
        OfdVerifier smallTotal = verifier(new OfdLimits(100, 8L * 1024 * 1024, 2L * 1024 * 1024));
        assertCode(() -> smallTotal.verify(bomb), OfdException.TOO_LARGE);
    }

    @Test
    void tooManyEntries() {
        Map<String, byte[]> files = OfdSamples.unzip(DOCUMENT);
        for (int i = 0; i < 50; i++) {
            files.put("Doc_0/Res/f" + i, new byte[0]);
        }
        OfdVerifier strict = verifier(new OfdLimits(20, 1024 * 1024, 8L * 1024 * 1024));
        assertCode(() -> strict.verify(OfdSamples.zipBytes(files)), OfdException.TOO_LARGE);
    }

    @Test
    void duplicateEntriesAreRefused() {
        // ZipOutputStream refuses duplicates, so patch the second name in place
        Map<String, byte[]> files = new LinkedHashMap<>(OfdSamples.unzip(DOCUMENT));
        files.put("OFD.xmm", files.get("OFD.xml"));
        byte[] zip = OfdSamples.zipBytes(files);
        byte[] name = "OFD.xmm".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + name.length <= zip.length; i++) {
            if (Arrays.equals(zip, i, i + name.length, name, 0, name.length)) {
                zip[i + name.length - 1] = 'l';
            }
        }
        byte[] patched = zip;
        assertCode(() -> verifier.verify(patched), OfdException.MALFORMED);
    }

    @Test
    void signingMalformedInputFailsTheSameWay() {
        assertThatThrownBy(() -> new OfdSigner().prepare(new byte[] {'P', 'K', 3, 4, 0}, null,
                OfdPlacement.at(0, 0, 0), java.time.Instant.now()))
                .isInstanceOfSatisfying(OfdException.class,
                        e -> assertThat(e.code()).isEqualTo(OfdException.MALFORMED));
    }
}
