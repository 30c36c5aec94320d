package cn.hrss.seal.cli;

import cn.hrss.seal.application.ofd.OfdSamples;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The CLI in-process through picocli: sign with a seal package, verify offline and online, refuse bad input. */
class SealCliTest {
    private static final AtomicInteger SEALS = new AtomicInteger();
    static CliTestPki pki;
    static TestNode node;
    @TempDir static Path dir;
    static Path root;

    @BeforeAll
    static void pki() throws IOException {
        pki = new CliTestPki();
        node = new TestNode(pki);
        root = Files.writeString(dir.resolve("root.pem"), CliTestPki.pem(pki.root));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    /** A fresh esID, package and holder key for one test. */
    record Seal(String esId, Path sealPackage, Path holderKey) {
    }

    static Seal seal() throws IOException {
        String esId = "11010526940100" + String.format("%02d", SEALS.incrementAndGet());
        BigInteger holder = CliTestPki.newKey();
        Path pkg = Files.write(dir.resolve(esId + ".sealpkg"), pki.sealPackage(esId, holder));
        Path key = CliTestPki.writeHolderKey(dir.resolve(esId + "-holder.pem"), holder);
        node.status(esId, "VALID");
        return new Seal(esId, pkg, key);
    }

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cli = SealCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    static Path pdf(String name) throws IOException {
        return Files.write(dir.resolve(name), pdfBytes());
    }

    /** Two pages with the text "Party A seal here". */
    static byte[] pdfBytes() throws IOException {
        try (PDDocument document = new PDDocument()) {
            document.getDocumentInformation().setTitle("Labour Contract AAAA");
            for (int i = 0; i < 2; i++) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    content.newLineAtOffset(100, 600);
                    content.showText("Party A seal here");
                    content.endText();
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    String[] sign(String kind, Seal seal, Path input, Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("sign", kind, "--package", seal.sealPackage().toString(),
                "--holder-key", seal.holderKey().toString(), "--tsa", node.url() + "/ca/tsa", "--out",
                out.toString(), input.toString()));
        args.addAll(Arrays.asList(more));
        return args.toArray(String[]::new);
    }

    @Test
    void signsPdfWithThePackageAndVerifiesOfflineAndOnline() throws IOException {
        Seal seal = seal();
        Path signed = dir.resolve("signed-" + seal.esId() + ".pdf");
        Run signing = run(sign("pdf", seal, pdf("in-" + seal.esId() + ".pdf"), signed,
                "--page", "1", "--x", "40", "--y", "60"));
        assertThat(signing.exit()).as(signing.err()).isZero();
        assertThat(signing.out()).contains("with seal " + seal.esId());

        Run offline = run("verify", "--trust", root.toString(), signed.toString());
        assertThat(offline.exit()).as(offline.out()).isZero();
        assertThat(offline.out()).contains("PDF: PASSED", seal.esId());

        // online verification (signed status answers, OCSP) runs against a real node: NodeExportedPackageTestBase

        byte[] tampered = Files.readAllBytes(signed);
        // the binary comment after the header: still a readable PDF, but no longer the signed bytes
        int at = indexOf(tampered, "\n%".getBytes(StandardCharsets.US_ASCII)) + 2;
        tampered[at] ^= 0x01;
        Path tamperedFile = Files.write(dir.resolve("tampered-" + seal.esId() + ".pdf"), tampered);
        Run tamperedRun = run("verify", "--trust", root.toString(), tamperedFile.toString());
        assertThat(tamperedRun.exit()).as(tamperedRun.out()).isEqualTo(1);
    }

    @Test
    void signsOfdAtAPositionAndVerifies() throws IOException {
        Seal seal = seal();
        Path ofd = Files.write(dir.resolve("in-" + seal.esId() + ".ofd"),
                OfdSamples.document(List.of(List.of("劳动合同"), List.of("甲方盖章"))));
        Path signed = dir.resolve("signed-" + seal.esId() + ".ofd");
        Run signing = run(sign("ofd", seal, ofd, signed, "--page", "2", "--x", "30", "--y", "50"));
        assertThat(signing.exit()).as(signing.err()).isZero();

        Run verify = run("verify", "--trust", root.toString(), signed.toString());
        assertThat(verify.exit()).as(verify.out()).isZero();
        assertThat(verify.out()).contains("OFD: PASSED");

        Run untrusted = run("verify", signed.toString());
        assertThat(untrusted.exit()).as(untrusted.out()).isNotZero();
    }

    @Test
    void signsDataDetachedAndVerifiesAgainstTheData() throws IOException {
        Seal seal = seal();
        Path data = Files.writeString(dir.resolve("data-" + seal.esId() + ".json"), "{\"salary\":12000}");
        Path signature = dir.resolve("data-" + seal.esId() + ".ses");
        Run signing = run(sign("data", seal, data, signature));
        assertThat(signing.exit()).as(signing.err()).isZero();

        Run verify = run("verify", "--trust", root.toString(), "--data", data.toString(), signature.toString());
        assertThat(verify.exit()).as(verify.out()).isZero();
        assertThat(verify.out()).contains("DATA: PASSED");

        Path other = Files.writeString(dir.resolve("other-" + seal.esId() + ".json"), "{\"salary\":99000}");
        Run changed = run("verify", "--trust", root.toString(), "--data", other.toString(), signature.toString());
        assertThat(changed.exit()).as(changed.out()).isEqualTo(1);
        assertThat(changed.out()).contains("DATA_HASH");
    }

    @Test
    void wrongHolderKeyIsBadInputWithAClearMessage() throws IOException {
        Seal seal = seal();
        Path wrongKey = CliTestPki.writeHolderKey(dir.resolve("wrong-" + seal.esId() + ".pem"), CliTestPki.newKey());
        Path out = dir.resolve("never-" + seal.esId() + ".pdf");
        Run run = run(sign("pdf", new Seal(seal.esId(), seal.sealPackage(), wrongKey), pdf("w.pdf"), out,
                "--keyword", "Party A"));
        assertThat(run.exit()).isEqualTo(65);
        assertThat(run.err()).contains("holder key does not open this seal package").doesNotContain("\tat ");
        assertThat(out).doesNotExist();

        Path notAKey = Files.writeString(dir.resolve("not-a-key.pem"), "hello");
        Run garbage = run(sign("pdf", new Seal(seal.esId(), seal.sealPackage(), notAKey), pdf("w2.pdf"), out,
                "--keyword", "Party A"));
        assertThat(garbage.exit()).isEqualTo(65);
        assertThat(garbage.err()).contains("holds no private key");
    }

    @Test
    void truncatedOrMalformedPackagesAreBadInput() throws IOException {
        Seal seal = seal();
        byte[] whole = Files.readAllBytes(seal.sealPackage());
        Path truncated = Files.write(dir.resolve("truncated.sealpkg"), Arrays.copyOf(whole, whole.length / 2));
        Path text = Files.writeString(dir.resolve("text.sealpkg"), "not a zip");
        Path incomplete = Files.write(dir.resolve("incomplete.sealpkg"),
                CliTestPki.zip(java.util.Map.of("manifest.json", "{}".getBytes(StandardCharsets.UTF_8))));
        for (Path bad : List.of(truncated, text, incomplete)) {
            Run run = run("package", "inspect", bad.toString());
            assertThat(run.exit()).as(bad + ": " + run.err()).isEqualTo(65);
            assertThat(run.err()).startsWith("seal: ").doesNotContain("\tat ");
            Run signing = run(sign("data", new Seal(seal.esId(), bad, seal.holderKey()), root,
                    dir.resolve("x.ses")));
            assertThat(signing.exit()).isEqualTo(65);
        }
    }

    @Test
    void unreachableTsaExits69WithoutWritingOutput() throws IOException {
        Seal seal = seal();
        Path data = Files.writeString(dir.resolve("tsa-" + seal.esId() + ".txt"), "x");
        Path out = dir.resolve("tsa-" + seal.esId() + ".ses");
        Run run = run("sign", "data", "--package", seal.sealPackage().toString(), "--holder-key",
                seal.holderKey().toString(), "--tsa", "http://127.0.0.1:9/ca/tsa", "--out", out.toString(),
                data.toString());
        assertThat(run.exit()).isEqualTo(69);
        assertThat(run.err()).startsWith("seal: TSA_").doesNotContain("\tat ");
        assertThat(out).doesNotExist();
    }

    @Test
    void inspectShowsThePackageAndChecksTheHolderKey() throws IOException {
        Seal seal = seal();
        Run run = run("package", "inspect", "--holder-key", seal.holderKey().toString(),
                seal.sealPackage().toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("esId:        " + seal.esId(), "hrss-seal-package/1", "CLI Test Root",
                "holder key:  opens the envelope");
    }

    @Test
    void usageErrorsExit64() throws IOException {
        Seal seal = seal();
        assertThat(run("sign", "pdf", "--holder-key", seal.holderKey().toString(), "x.pdf").exit()).isEqualTo(64);
        assertThat(run("verify", "--format", "xml", "x.pdf").exit()).isEqualTo(64);
        Run run = run(sign("pdf", seal, pdf("u.pdf"), dir.resolve("u-out.pdf"), "--page", "1"));
        assertThat(run.exit()).isEqualTo(64);
        assertThat(run.err()).contains("--page needs --x and --y");
    }

    @Test
    void opensslGeneratedHolderKeyOpensThePackage() throws Exception {
        Path key = dir.resolve("openssl-holder.pem");
        Process p;
        try {
            p = new ProcessBuilder("openssl", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:SM2",
                    "-out", key.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            p = null;
        }
        assumeTrue(p != null && p.waitFor() == 0, "openssl with SM2 is not available");
        BigInteger d = HolderKey.read(key, null);
        String esId = "1101052694019999";
        Path pkg = Files.write(dir.resolve("openssl.sealpkg"), pki.sealPackage(esId, d));
        Run run = run("package", "inspect", "--holder-key", key.toString(), pkg.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("opens the envelope");

        Path encrypted = dir.resolve("openssl-holder-enc.pem");
        Process pkcs8 = new ProcessBuilder("openssl", "pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", key.toString(),
                "-out", encrypted.toString(), "-passout", "pass:usbkey-pin").redirectErrorStream(true).start();
        assertThat(pkcs8.waitFor()).isZero();
        assertThat(HolderKey.read(encrypted, "usbkey-pin".toCharArray())).isEqualTo(d);
        Run withPassword = run("package", "inspect", "--holder-key", encrypted.toString(),
                "--holder-key-password=usbkey-pin", pkg.toString());
        assertThat(withPassword.exit()).as(withPassword.err()).isZero();
        Run wrongPassword = run("package", "inspect", "--holder-key", encrypted.toString(),
                "--holder-key-password=wrong", pkg.toString());
        assertThat(wrongPassword.exit()).isEqualTo(65);
        assertThat(wrongPassword.err()).contains("wrong password");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
