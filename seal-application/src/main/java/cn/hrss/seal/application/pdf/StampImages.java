package cn.hrss.seal.application.pdf;

import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The seal picture as a PDF image XObject, decoded and Flate-encoded once per picture rather than once per
 * signature (re-encoding a 600 dpi picture was most of a PDF signing's time). Each document gets its own copy of
 * the encoded streams, image and soft mask alike. A small LRU bounded by {@link #MAX_PICTURES}; thread-safe.
 */
final class StampImages {
    static final int MAX_PICTURES = 64;

    /** An encoded image stream: its dictionary entries (without /Length and /SMask) and raw (encoded) bytes. */
    private record Encoded(Map<COSName, COSBase> entries, byte[] raw, Optional<Encoded> softMask) {
    }

    private final Map<String, Encoded> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Encoded> eldest) {
            return size() > MAX_PICTURES;
        }
    };

    PDImageXObject image(PDDocument document, byte[] picture) throws IOException {
        String key = key(picture);
        Encoded encoded;
        synchronized (cache) {
            encoded = cache.get(key);
        }
        if (encoded == null) {
            try (PDDocument scratch = new PDDocument()) {
                encoded = encode(PDImageXObject.createFromByteArray(scratch, picture, "seal").getCOSObject());
            }
            synchronized (cache) {
                cache.put(key, encoded);
            }
        }
        return new PDImageXObject(new PDStream(copy(document, encoded)), null);
    }

    private static Encoded encode(COSStream stream) throws IOException {
        Map<COSName, COSBase> entries = new LinkedHashMap<>();
        Optional<Encoded> softMask = Optional.empty();
        for (Map.Entry<COSName, COSBase> e : stream.entrySet()) {
            if (COSName.LENGTH.equals(e.getKey())) {
                continue;
            }
            if (COSName.SMASK.equals(e.getKey())) {
                softMask = Optional.of(encode((COSStream) stream.getDictionaryObject(COSName.SMASK)));
                continue;
            }
            entries.put(e.getKey(), e.getValue());
        }
        try (InputStream raw = stream.createRawInputStream()) {
            return new Encoded(entries, raw.readAllBytes(), softMask);
        }
    }

    private static COSStream copy(PDDocument document, Encoded encoded) throws IOException {
        COSStream stream = document.getDocument().createCOSStream();
        for (Map.Entry<COSName, COSBase> e : encoded.entries().entrySet()) {
            // the values are direct numbers, names and arrays of them: shared read-only
            stream.setItem(e.getKey(), e.getValue());
        }
        try (OutputStream out = stream.createRawOutputStream()) {
            out.write(encoded.raw());
        }
        if (encoded.softMask().isPresent()) {
            stream.setItem(COSName.SMASK, copy(document, encoded.softMask().get()));
        }
        return stream;
    }

    private static String key(byte[] picture) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(picture));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
