package cn.hrss.seal.cli;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The built {@code seal-cli.jar} as users run it: {@code java -jar}, exit codes, no stack traces. */
class SealCliJarIT {
    @TempDir static Path dir;
    static CliTestPki pki;
    static TestNode node;

    @BeforeAll
    static void start() throws IOException {
        pki = new CliTestPki();
        node = new TestNode(pki);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    record Run(int exit, String out, String err) {
    }

    static Run seal(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", System.getProperty("seal.cli.jar", "target/seal-cli.jar")));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void signsAndVerifiesDataAndPdfFromTheJar() throws Exception {
        BigInteger holder = CliTestPki.newKey();
        String esId = "1101052694018801";
        node.status(esId, "VALID");
        Path pkg = Files.write(dir.resolve("jar.sealpkg"), pki.sealPackage(esId, holder));
        Path key = CliTestPki.writeHolderKey(dir.resolve("jar-holder.pem"), holder);
        Path root = Files.writeString(dir.resolve("root.pem"), CliTestPki.pem(pki.root));
        Path data = Files.writeString(dir.resolve("payroll.csv"), "name,amount\nzhang,12000\n");
        Path signature = dir.resolve("payroll.ses");

        Run sign = seal("sign", "data", "--package", pkg.toString(), "--holder-key", key.toString(), "--tsa",
                node.url() + "/ca/tsa", "--out", signature.toString(), data.toString());
        assertThat(sign.exit()).as(sign.err()).isZero();

        // offline here; online verification (--status-url) runs against a real node in NodeExportedPackageTestBase
        Run verify = seal("verify", "--trust", root.toString(), "--format", "json", "--data", data.toString(),
                signature.toString());
        assertThat(verify.exit()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.out()).contains("\"verdict\" : \"PASSED\"", esId);

        Files.writeString(data, "name,amount\nzhang,92000\n", StandardCharsets.UTF_8);
        Run tampered = seal("verify", "--trust", root.toString(), "--data", data.toString(), signature.toString());
        assertThat(tampered.exit()).isEqualTo(1);

        Path pdf = Files.write(dir.resolve("jar.pdf"), SealCliTest.pdfBytes());
        Path signedPdf = dir.resolve("jar-signed.pdf");
        Run signPdf = seal("sign", "pdf", "--package", pkg.toString(), "--holder-key", key.toString(), "--tsa",
                node.url() + "/ca/tsa", "--keyword", "Party A", "--out", signedPdf.toString(), pdf.toString());
        assertThat(signPdf.exit()).as(signPdf.err()).isZero();
        assertThat(seal("verify", "--trust", root.toString(), signedPdf.toString()).exit()).isZero();
    }

    @Test
    void wrongHolderKeyAndBrokenPackageExit65WithoutStackTrace() throws Exception {
        String esId = "1101052694018802";
        Path pkg = Files.write(dir.resolve("wrong.sealpkg"), pki.sealPackage(esId, CliTestPki.newKey()));
        Path otherKey = CliTestPki.writeHolderKey(dir.resolve("other.pem"), CliTestPki.newKey());
        Path data = Files.writeString(dir.resolve("d.txt"), "x");

        Run wrong = seal("sign", "data", "--package", pkg.toString(), "--holder-key", otherKey.toString(), "--out",
                dir.resolve("d.ses").toString(), data.toString());
        assertThat(wrong.exit()).isEqualTo(65);
        assertThat(wrong.err()).contains("holder key does not open").doesNotContain("Exception");

        byte[] bytes = Files.readAllBytes(pkg);
        Path truncated = Files.write(dir.resolve("truncated.sealpkg"), java.util.Arrays.copyOf(bytes, 100));
        Run broken = seal("package", "inspect", truncated.toString());
        assertThat(broken.exit()).isEqualTo(65);
        assertThat(broken.err()).startsWith("seal: ").doesNotContain("\tat ");

        assertThat(seal("sign", "pdf").exit()).isEqualTo(64);
    }
}
