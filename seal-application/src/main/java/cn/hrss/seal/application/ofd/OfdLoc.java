package cn.hrss.seal.application.ofd;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * OFD ST_Loc paths. Package paths are kept without a leading slash. Locations are resolved against the directory
 * of the file that contains them unless absolute; duplicate slashes collapse (Koal writes {@code //Doc_0/...},
 * pitfall 11) and nothing may climb above the package root.
 */
final class OfdLoc {
    private OfdLoc() {
    }

    /** A ZIP entry name as a package path; rejects traversal and backslashes. */
    static String entryName(String name) {
        if (name.indexOf('\\') >= 0) {
            throw OfdException.malformed("backslash in entry name");
        }
        return normalise(name);
    }

    /** Resolves {@code loc} found in the file {@code containingFile} (a package path). */
    static String resolve(String containingFile, String loc) {
        String trimmed = loc == null ? "" : loc.trim();
        if (trimmed.isEmpty()) {
            throw OfdException.malformed("empty location in /" + containingFile);
        }
        if (trimmed.startsWith("/")) {
            return normalise(trimmed);
        }
        return normalise(directory(containingFile) + trimmed);
    }

    /** The directory of a package path, with a trailing slash ("" for the root). */
    static String directory(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash + 1);
    }

    /** The absolute ST_Loc form ("/Doc_0/...") of a package path. */
    static String absolute(String path) {
        return "/" + path;
    }

    private static String normalise(String path) {
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    throw OfdException.malformed("path climbs above the package root");
                }
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        if (parts.isEmpty()) {
            throw OfdException.malformed("empty path");
        }
        return String.join("/", parts);
    }
}
