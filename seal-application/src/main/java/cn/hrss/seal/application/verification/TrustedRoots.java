package cn.hrss.seal.application.verification;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Roots trusted besides the node's own CA root: PEM files read once at start (a broken one stops the start), and
 * directories of {@code *.pem} files that operators of a federation fill while the node runs (the roots of the
 * other nodes' seal CAs). A directory is read again whenever a file in it was added, removed or changed; a file in it
 * that is not a PEM certificate is skipped and logged, so one bad file never stops verification.
 */
final class TrustedRoots {
    private static final Logger log = LoggerFactory.getLogger(TrustedRoots.class);

    private final List<X509CertificateHolder> fixed;
    private final List<Path> directories;
    private volatile Snapshot snapshot = new Snapshot(Map.of(), List.of());

    private TrustedRoots(List<X509CertificateHolder> fixed, List<Path> directories) {
        this.fixed = List.copyOf(fixed);
        this.directories = List.copyOf(directories);
    }

    /** Files are read now (and must hold a certificate); directories on every {@link #current()}. */
    static TrustedRoots of(List<String> locations) {
        List<Path> files = new ArrayList<>();
        List<Path> directories = new ArrayList<>();
        for (String location : locations) {
            Path path = Path.of(location);
            (Files.isDirectory(path) ? directories : files).add(path);
        }
        List<X509CertificateHolder> fixed = new ArrayList<>();
        for (Path file : files) {
            List<X509CertificateHolder> read = read(file);
            if (read.isEmpty()) {
                throw new IllegalStateException(VerificationProperties.PREFIX + ".trusted-roots: " + file
                        + " is unreadable or holds no PEM certificate");
            }
            fixed.addAll(read);
        }
        return new TrustedRoots(fixed, directories);
    }

    List<X509CertificateHolder> current() {
        if (directories.isEmpty()) {
            return fixed;
        }
        Map<Path, String> state = directoryState();
        Snapshot held = snapshot;
        if (!held.state().equals(state)) {
            List<X509CertificateHolder> roots = new ArrayList<>(fixed);
            for (Path file : state.keySet()) {
                List<X509CertificateHolder> read = read(file);
                if (read.isEmpty()) {
                    log.warn("trusted root {} holds no PEM certificate; skipped", file);
                }
                roots.addAll(read);
            }
            held = new Snapshot(state, List.copyOf(roots));
            snapshot = held;
        }
        return held.roots();
    }

    /** File -> size and modification time of every {@code *.pem} in the directories. */
    private Map<Path, String> directoryState() {
        Map<Path, String> state = new TreeMap<>();
        for (Path directory : directories) {
            try (Stream<Path> entries = Files.list(directory)) {
                entries.filter(p -> p.getFileName().toString().endsWith(".pem")).forEach(p -> {
                    try {
                        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                        state.put(p, a.size() + "@" + a.lastModifiedTime().toMillis());
                    } catch (IOException e) {
                        log.warn("trusted root {} unreadable: {}", p, e.getMessage());
                    }
                });
            } catch (IOException e) {
                log.warn("trusted roots directory {} unreadable: {}", directory, e.getMessage());
            }
        }
        return state;
    }

    private static List<X509CertificateHolder> read(Path file) {
        List<X509CertificateHolder> roots = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
             PEMParser pem = new PEMParser(reader)) {
            for (Object object = pem.readObject(); object != null; object = pem.readObject()) {
                if (object instanceof X509CertificateHolder certificate) {
                    roots.add(certificate);
                }
            }
        } catch (IOException | RuntimeException e) {
            log.warn("trusted root {} unreadable: {}", file, e.getMessage());
            return List.of();
        }
        return roots;
    }

    private record Snapshot(Map<Path, String> state, List<X509CertificateHolder> roots) {
    }
}
