package cn.hrss.seal.core.ses.asn1;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * An encoding kept as a head, one shared SES object and a tail. GB/T 38540 repeats the whole SES_Seal (tens of KB
 * with its picture) in every TBS_Sign and SES_Signature; a node that signs thousands of digests a second hashes and
 * writes each signature from these parts instead of copying the seal into new arrays for every one. Immutable.
 */
public final class SplicedEncoding {
    private static final byte[] NONE = new byte[0];

    private final byte[] head;
    private final SesAsn1Object shared;
    private final byte[] tail;

    private SplicedEncoding(byte[] head, SesAsn1Object shared, byte[] tail) {
        this.head = head;
        this.shared = shared;
        this.tail = tail;
    }

    /** Bytes without a shared part (a signed PDF or OFD). */
    public static SplicedEncoding of(byte[] bytes) {
        return new SplicedEncoding(bytes.clone(), null, NONE);
    }

    /**
     * The DER SEQUENCE of the given elements (built SES structures take their encoding from here too, whole).
     *
     * @param elements {@code byte[]} encodings, and exactly one {@link SesAsn1Object} or {@code SplicedEncoding}
     *                 with a shared part: that object (or that encoding's shared part) is the result's shared part
     */
    public static SplicedEncoding sequence(Object... elements) {
        int length = 0;
        int sharedAt = -1;
        for (int i = 0; i < elements.length; i++) {
            Object e = elements[i];
            if (e instanceof byte[] b) {
                length += b.length;
                continue;
            }
            if (sharedAt >= 0) {
                throw new IllegalArgumentException("a spliced SEQUENCE has one shared element");
            }
            sharedAt = i;
            if (e instanceof SesAsn1Object o) {
                length += o.encodedLength();
            } else if (e instanceof SplicedEncoding s && s.shared != null) {
                length += s.length();
            } else {
                throw new IllegalArgumentException("not an element of a spliced SEQUENCE: " + e);
            }
        }
        if (sharedAt < 0) {
            throw new IllegalArgumentException("a spliced SEQUENCE needs a shared element");
        }
        Object sharedElement = elements[sharedAt];
        SesAsn1Object shared = sharedElement instanceof SplicedEncoding s ? s.shared : (SesAsn1Object) sharedElement;
        byte[] header = Der.tagAndLength(DerNode.SEQUENCE, length);
        byte[] innerHead = sharedElement instanceof SplicedEncoding s ? s.head : NONE;
        byte[] innerTail = sharedElement instanceof SplicedEncoding s ? s.tail : NONE;
        // head: header, the elements before the shared one, its own head; tail: its own tail, the elements after it
        byte[] head = concat(header, elements, 0, sharedAt, innerHead);
        byte[] tail = concat(innerTail, elements, sharedAt + 1, elements.length, NONE);
        return new SplicedEncoding(head, shared, tail);
    }

    /** {@code first}, the {@code byte[]} elements in [from, to), then {@code last}. */
    private static byte[] concat(byte[] first, Object[] elements, int from, int to, byte[] last) {
        int length = first.length + last.length;
        for (int i = from; i < to; i++) {
            length += ((byte[]) elements[i]).length;
        }
        byte[] out = Arrays.copyOf(first, length);
        int at = first.length;
        for (int i = from; i < to; i++) {
            byte[] b = (byte[]) elements[i];
            System.arraycopy(b, 0, out, at, b.length);
            at += b.length;
        }
        System.arraycopy(last, 0, out, at, last.length);
        return out;
    }

    /** Length of the whole encoding. */
    public int length() {
        return head.length + (shared == null ? 0 : shared.encodedLength()) + tail.length;
    }

    /** What comes before the shared part (a copy: a few hundred bytes at most for SES structures). */
    public byte[] head() {
        return head.clone();
    }

    /** What comes after the shared part (a copy). */
    public byte[] tail() {
        return tail.clone();
    }

    /** The shared SES object, or empty for plain bytes. */
    public Optional<SesAsn1Object> shared() {
        return Optional.ofNullable(shared);
    }

    /** The whole encoding in a new array. */
    public byte[] toByteArray() {
        byte[] out = new byte[length()];
        copyTo(out, 0);
        return out;
    }

    /** Copies the whole encoding into {@code destination} at {@code at}. */
    public void copyTo(byte[] destination, int at) {
        Objects.checkFromIndexSize(at, length(), destination.length);
        System.arraycopy(head, 0, destination, at, head.length);
        int next = at + head.length;
        if (shared != null) {
            shared.copyEncodedTo(destination, next);
            next += shared.encodedLength();
        }
        System.arraycopy(tail, 0, destination, next, tail.length);
    }

    /** Writes the whole encoding, the shared part straight from where it is kept. */
    public void writeTo(OutputStream out) throws IOException {
        out.write(head);
        if (shared != null) {
            shared.writeEncodedTo(out);
        }
        out.write(tail);
    }
}
