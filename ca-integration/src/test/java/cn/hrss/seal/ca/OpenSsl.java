package cn.hrss.seal.ca;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the OpenSSL 3 command line in a working directory. Missing or older OpenSSL fails the test run: the
 * interoperability checks are part of every build.
 */
final class OpenSsl {
    /** GM/T 0009 default SM2 user ID, which OpenSSL 3 does not apply on its own. */
    static final String DISTID = "distid:1234567812345678";

    private final Path workDir;

    OpenSsl(Path workDir) {
        this.workDir = workDir;
    }

    record Result(int exitCode, String output) {
    }

    /** Fails unless {@code openssl version} reports OpenSSL 3. */
    void requireVersion3() {
        Result r = run("version");
        if (r.exitCode() != 0 || !r.output().startsWith("OpenSSL 3.")) {
            throw new AssertionError("OpenSSL 3 is required on the PATH for the interop tests, got: " + r.output());
        }
    }

    Result run(String... args) {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
            p.getOutputStream().close();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("openssl timed out: " + command);
            }
            return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot run openssl (is it installed?): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Runs and requires exit code 0. */
    String ok(String... args) {
        Result r = run(args);
        if (r.exitCode() != 0) {
            throw new AssertionError("openssl " + String.join(" ", args) + " failed (" + r.exitCode() + "):\n"
                    + r.output());
        }
        return r.output();
    }
}
