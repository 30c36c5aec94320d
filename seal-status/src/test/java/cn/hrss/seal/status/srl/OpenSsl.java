package cn.hrss.seal.status.srl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the documented OpenSSL 3 verification command, exactly as a relying party would type it. */
final class OpenSsl {
    private OpenSsl() {
    }

    record Result(int exitCode, String output) {
    }

    static Result verify(Path signerPem, Path signature, Path document) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of("openssl", "dgst", "-sm3", "-verify", signerPem.toString(),
                "-sigopt", "distid:1234567812345678", "-signature", signature.toString(), document.toString()))
                .redirectErrorStream(true).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("openssl did not finish in 60 s");
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8).trim());
    }
}
