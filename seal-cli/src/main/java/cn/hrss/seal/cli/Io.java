package cn.hrss.seal.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** File reading with user-facing errors. */
final class Io {
    /** Documents beyond this are refused before reading; the library limits apply after. */
    static final long MAX_INPUT = 512L * 1024 * 1024;

    private Io() {
    }

    static byte[] read(Path file, String what) {
        try {
            if (Files.size(file) > MAX_INPUT) {
                throw new BadInputException(what + " " + file + " is larger than " + MAX_INPUT + " bytes");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BadInputException("cannot read " + what + " " + file + ": " + e.getMessage(), e);
        }
    }
}
