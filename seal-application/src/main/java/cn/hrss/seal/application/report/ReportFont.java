package cn.hrss.seal.application.report;

import cn.hrss.seal.core.error.SealException;
import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The font reports are written with: a TrueType-outline face with Chinese glyphs, subset-embedded. Located once
 * (the configured file or the first found in the search list); opened per report, since fontbox fonts are not
 * safe to share between threads.
 */
final class ReportFont {
    static final String FONT_UNAVAILABLE = "REPORT_FONT_UNAVAILABLE";

    private final Optional<Path> file;

    ReportFont(ReportProperties properties) {
        this.file = properties.font() != null && !properties.font().isBlank() ? Optional.of(Path.of(properties.font()))
                : properties.fontSearch().stream().map(Path::of).filter(Files::isReadable).findFirst();
    }

    Optional<Path> file() {
        return file;
    }

    /** An open face loaded into {@code document}; close it after the document is saved. */
    Loaded load(PDDocument document) {
        Path path = file.orElseThrow(() -> new SealException(FONT_UNAVAILABLE, 503,
                "no Chinese TrueType font for PDF reports: install fonts-wqy-zenhei or set"
                        + " seal.application.report.font"));
        try {
            if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
                TrueTypeCollection collection = new TrueTypeCollection(path.toFile());
                AtomicReference<TrueTypeFont> face = new AtomicReference<>();
                collection.processAllFonts(f -> {
                    if (face.get() == null && !(f instanceof OpenTypeFont otf && otf.isPostScript())) {
                        face.set(f);
                    }
                });
                if (face.get() == null) {
                    collection.close();
                    throw unusable(path);
                }
                return new Loaded(PDType0Font.load(document, face.get(), true), collection);
            }
            TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBufferedFile(path.toFile()));
            if (font instanceof OpenTypeFont otf && otf.isPostScript()) {
                font.close();
                throw unusable(path);
            }
            return new Loaded(PDType0Font.load(document, font, true), font);
        } catch (IOException e) {
            throw new SealException(FONT_UNAVAILABLE, 503, "report font " + path + " cannot be read", Map.of(),
                    e);
        }
    }

    private static SealException unusable(Path path) {
        return new SealException(FONT_UNAVAILABLE, 503, "report font " + path
                + " has no TrueType-outline face (CFF fonts cannot be embedded)");
    }

    record Loaded(PDType0Font font, Closeable source) implements Closeable {
        @Override
        public void close() throws IOException {
            source.close();
        }
    }
}
