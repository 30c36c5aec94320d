package cn.hrss.seal.cli;

import cn.hrss.seal.application.sign.HttpTimeStampSource;
import cn.hrss.seal.application.sign.TimeStampSource;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/** What every {@code seal sign} subcommand takes: the seal package, the holder key, the input and output. */
final class SigningOptions {
    static final String PASSWORD_ENV = "SEAL_HOLDER_KEY_PASSWORD";

    @Option(names = "--package", required = true, paramLabel = "FILE", description = "exported seal package (.sealpkg)")
    Path sealPackage;

    @Option(names = "--holder-key", required = true, paramLabel = "FILE",
            description = "holder's SM2 private key, PEM PKCS#8 (the USBKey stand-in)")
    Path holderKey;

    @Option(names = "--holder-key-password", arity = "0..1", interactive = true, paramLabel = "PASSWORD",
            description = "password of an encrypted holder key; prompts when given without a value; "
                    + "default: environment variable " + PASSWORD_ENV)
    char[] holderKeyPassword;

    @Option(names = "--tsa", paramLabel = "URL", description = "RFC 3161 time-stamp authority, e.g. https://node/ca/tsa")
    URI tsa;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "where to write the result")
    Path out;

    @Parameters(index = "0", paramLabel = "INPUT", description = "the document or data to sign")
    Path input;

    UnlockedSeal unlock() {
        SealPackage sealPackage = SealPackage.read(this.sealPackage);
        char[] password = holderKeyPassword;
        if (password == null && System.getenv(PASSWORD_ENV) != null) {
            password = System.getenv(PASSWORD_ENV).toCharArray();
        }
        try {
            BigInteger d = HolderKey.read(holderKey, password);
            return UnlockedSeal.open(sealPackage, d);
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    TimeStampSource timeStamps() {
        return tsa == null ? null : new HttpTimeStampSource(tsa, Duration.ofSeconds(30));
    }

    byte[] readInput() {
        return Io.read(input, "input");
    }

    void writeOutput(byte[] result) {
        try {
            Files.write(out, result);
        } catch (IOException e) {
            throw new BadInputException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }
}
