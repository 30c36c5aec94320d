package cn.hrss.seal.application.ofd;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The files of an OFD package by normalised path (no leading slash), in package order. Immutable: {@link #with}
 * returns a copy. Reading counts uncompressed bytes as they are inflated, so declared sizes are never trusted.
 */
final class OfdPackage {
    private final Map<String, byte[]> files;

    private OfdPackage(Map<String, byte[]> files) {
        this.files = Collections.unmodifiableMap(files);
    }

    static OfdPackage read(byte[] zip, OfdLimits limits) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                if (files.size() >= limits.maxEntries()) {
                    throw OfdException.tooLarge("more than " + limits.maxEntries() + " entries");
                }
                String name = OfdLoc.entryName(entry.getName());
                byte[] data = readBounded(in, Math.min(limits.maxEntryBytes(), limits.maxTotalBytes() - total), name);
                total += data.length;
                if (files.put(name, data) != null) {
                    throw OfdException.malformed("duplicate entry " + name);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // ZipInputStream reports broken data as ZipException/EOFException and bad names as IllegalArgumentException
            throw OfdException.malformed("not a readable ZIP package: " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw OfdException.malformed("not a ZIP package or no files in it");
        }
        return new OfdPackage(files);
    }

    private static byte[] readBounded(InputStream in, long max, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long count = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            count += n;
            if (count > max) {
                throw OfdException.tooLarge("entry " + name + " inflates beyond the configured limits");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    boolean contains(String path) {
        return files.containsKey(path);
    }

    /** The bytes of a file; {@link OfdException#MALFORMED} when absent. */
    byte[] get(String path) {
        byte[] data = files.get(path);
        if (data == null) {
            throw OfdException.malformed("missing file /" + path);
        }
        return data.clone();
    }

    Set<String> paths() {
        return files.keySet();
    }

    OfdPackage with(Map<String, byte[]> changes) {
        Map<String, byte[]> copy = new LinkedHashMap<>(files);
        changes.forEach((path, data) -> copy.put(path, data.clone()));
        return new OfdPackage(copy);
    }

    byte[] toZip() {
        return zip(files);
    }

    /** The files as a ZIP, in map order. */
    static byte[] zip(Map<String, byte[]> files) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(buffer)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                out.putNextEntry(new ZipEntry(file.getKey()));
                out.write(file.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }
}
