package cn.hrss.seal.core.ses.asn1;

import cn.hrss.seal.core.ses.SesFormatException;
import cn.hrss.seal.core.ses.SesLimits;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1UTCTime;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One BER/DER TLV of an untrusted SES encoding, pre-scanned before anything is decoded: definite lengths only,
 * lengths checked against the input, nesting and element count bounded by {@link SesLimits}. Nodes point into
 * the original bytes, so every structure can hand out exactly the bytes it was decoded from (the bytes that were
 * signed) instead of a re-encoding.
 *
 * <p>The typed accessors check the tag and decode one field; every failure is a {@link SesFormatException}
 * naming the field. BouncyCastle decodes only single primitive values here, never a whole untrusted tree.
 */
public final class DerNode {
    public static final int BOOLEAN = 0x01;
    public static final int INTEGER = 0x02;
    public static final int BIT_STRING = 0x03;
    public static final int OCTET_STRING = 0x04;
    public static final int OID = 0x06;
    public static final int UTF8_STRING = 0x0C;
    public static final int PRINTABLE_STRING = 0x13;
    public static final int IA5_STRING = 0x16;
    public static final int UTC_TIME = 0x17;
    public static final int GENERALIZED_TIME = 0x18;
    public static final int SEQUENCE = 0x30;
    /** [0] EXPLICIT (context-specific, constructed, number 0). */
    public static final int CONTEXT_0 = 0xA0;

    private final byte[] source;
    private final int start;
    private final int contentStart;
    private final int end;
    private final int tag;
    private final List<DerNode> children;
    private final SesLimits limits;

    private DerNode(byte[] source, int start, int contentStart, int end, int tag, List<DerNode> children,
                    SesLimits limits) {
        this.source = source;
        this.start = start;
        this.contentStart = contentStart;
        this.end = end;
        this.tag = tag;
        this.children = children;
        this.limits = limits;
    }

    /** Scans one complete SES TLV that must span the whole input. The input array is copied. */
    public static DerNode parse(byte[] input, SesLimits limits) {
        return scan(input, limits, true);
    }

    /**
     * Scans any definite-length DER (e.g. an X.509 certificate inside a seal) with the same bounds, so that
     * BouncyCastle never recurses into unbounded nesting.
     */
    public static DerNode parseAnyDer(byte[] input, SesLimits limits) {
        return scan(input, limits, false);
    }

    private static DerNode scan(byte[] input, SesLimits limits, boolean sesTagsOnly) {
        if (input == null) {
            throw SesFormatException.malformed("no input");
        }
        if (input.length > limits.maxInputBytes()) {
            throw new SesFormatException(SesFormatException.TOO_LARGE,
                    "input of " + input.length + " bytes exceeds the limit of " + limits.maxInputBytes());
        }
        Scanner scanner = new Scanner(input.clone(), limits, sesTagsOnly);
        DerNode root = scanner.read(0, input.length, 1);
        if (root.end != input.length) {
            throw SesFormatException.malformed((input.length - root.end) + " bytes after the end of the structure");
        }
        return root;
    }

    /**
     * Scans DER this module just built, without copying it. Built structures obey the same default limits as input,
     * so we never emit what we could not read back.
     */
    static DerNode ofBuilt(byte[] der) {
        DerNode root = new Scanner(der, SesLimits.DEFAULT, true).read(0, der.length, 1);
        if (root.end != der.length) {
            throw new IllegalStateException("built DER has trailing bytes");
        }
        return root;
    }

    /**
     * The {@code getInstance(Object)} entry: a node, DER/BER bytes or another SES object (scanned with
     * {@link SesLimits#DEFAULT}), or a BouncyCastle object (its encoding is scanned).
     */
    public static DerNode of(Object obj) {
        if (obj instanceof DerNode node) {
            return node;
        }
        if (obj instanceof byte[] bytes) {
            return parse(bytes, SesLimits.DEFAULT);
        }
        if (obj instanceof SesAsn1Object ses) {
            // its own bytes, not a BouncyCastle re-encoding of them
            return parse(ses.encoded(), SesLimits.DEFAULT);
        }
        if (obj instanceof ASN1Encodable encodable) {
            try {
                return parse(encodable.toASN1Primitive().getEncoded(), SesLimits.DEFAULT);
            } catch (IOException e) {
                throw new SesFormatException(SesFormatException.MALFORMED, "cannot encode the given ASN.1 object", e);
            }
        }
        throw SesFormatException.malformed("cannot decode an SES structure from "
                + (obj == null ? "null" : obj.getClass().getName()));
    }

    byte[] source() {
        return source;
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    public int tag() {
        return tag;
    }

    public SesLimits limits() {
        return limits;
    }

    /** The original bytes of this TLV (identifier, length and content). */
    public byte[] encoded() {
        return Arrays.copyOfRange(source, start, end);
    }

    /** The original content octets. */
    public byte[] content() {
        return Arrays.copyOfRange(source, contentStart, end);
    }

    public int contentLength() {
        return end - contentStart;
    }

    /** Checks the tag. */
    public DerNode expect(int expectedTag, String field) {
        if (tag != expectedTag) {
            throw SesFormatException.malformed(field + ": expected tag 0x" + Integer.toHexString(expectedTag)
                    + " but found 0x" + Integer.toHexString(tag));
        }
        return this;
    }

    /** A SEQUENCE with between {@code min} and {@code max} elements. */
    public List<DerNode> sequence(String field, int min, int max) {
        expect(SEQUENCE, field);
        if (children.size() < min || children.size() > max) {
            throw SesFormatException.malformed(field + ": " + children.size() + " elements, expected "
                    + (min == max ? String.valueOf(min) : min + ".." + max));
        }
        return children;
    }

    /** The single element inside a {@code [n] EXPLICIT} tag. */
    public DerNode explicit(int expectedTag, String field) {
        expect(expectedTag, field);
        if (children.size() != 1) {
            throw SesFormatException.malformed(field + ": explicit tag must hold exactly one element");
        }
        return children.get(0);
    }

    public BigInteger integer(String field) {
        expect(INTEGER, field);
        return decode(field, p -> ASN1Integer.getInstance(p).getValue());
    }

    /** An INTEGER that must lie in [min, max]. */
    public int intValue(String field, int min, int max) {
        BigInteger v = integer(field);
        if (v.compareTo(BigInteger.valueOf(min)) < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
            throw SesFormatException.malformed(field + ": " + v + " outside " + min + ".." + max);
        }
        return v.intValueExact();
    }

    public boolean bool(String field) {
        expect(BOOLEAN, field);
        if (contentLength() != 1) {
            throw SesFormatException.malformed(field + ": BOOLEAN must have one content octet");
        }
        // BER: any non-zero octet is TRUE (Koal writes explicit FALSE; others 0x01 for TRUE)
        return source[contentStart] != 0;
    }

    public String ia5(String field) {
        expect(IA5_STRING, field);
        for (int i = contentStart; i < end; i++) {
            if (source[i] < 0) {
                throw SesFormatException.malformed(field + ": IA5String contains a non-ASCII octet");
            }
        }
        return new String(source, contentStart, end - contentStart, StandardCharsets.US_ASCII);
    }

    public String printable(String field) {
        expect(PRINTABLE_STRING, field);
        String s = new String(source, contentStart, end - contentStart, StandardCharsets.US_ASCII);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 0x80) && " '()+,-./:=?".indexOf(c) < 0) {
                throw SesFormatException.malformed(field + ": not a PrintableString");
            }
        }
        return s;
    }

    public String utf8(String field) {
        expect(UTF8_STRING, field);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(source, contentStart, end - contentStart))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new SesFormatException(SesFormatException.MALFORMED, field + ": invalid UTF-8", e);
        }
    }

    public byte[] octets(String field) {
        expect(OCTET_STRING, field);
        return content();
    }

    /** BIT STRING content without the unused-bits octet, which must be 0 (all SES bit strings are octet-aligned). */
    public byte[] bitString(String field) {
        expect(BIT_STRING, field);
        if (contentLength() < 1) {
            throw SesFormatException.malformed(field + ": BIT STRING without the unused-bits octet");
        }
        if (source[contentStart] != 0) {
            throw SesFormatException.malformed(field + ": BIT STRING must not have unused bits");
        }
        return Arrays.copyOfRange(source, contentStart + 1, end);
    }

    /** Tolerant read for legacy data: a BIT STRING or an OCTET STRING. */
    public byte[] bitOrOctetString(String field) {
        return tag == OCTET_STRING ? octets(field) : bitString(field);
    }

    public ASN1ObjectIdentifier oid(String field) {
        expect(OID, field);
        return decode(field, ASN1ObjectIdentifier::getInstance);
    }

    /** GeneralizedTime with an explicit zone ("Z" or an offset); a zone-less local time is ambiguous. */
    public Instant generalizedTime(String field) {
        expect(GENERALIZED_TIME, field);
        return decode(field, p -> {
            ASN1GeneralizedTime t = ASN1GeneralizedTime.getInstance(p);
            String s = t.getTimeString();
            if (!s.endsWith("Z") && s.indexOf('+') < 0 && s.indexOf('-') < 0) {
                throw new IllegalArgumentException("GeneralizedTime without time zone");
            }
            return t.getDate().toInstant();
        });
    }

    public Instant utcTime(String field) {
        expect(UTC_TIME, field);
        return decode(field, p -> ASN1UTCTime.getInstance(p).getAdjustedDate().toInstant());
    }

    /** UTCTime or GeneralizedTime (GM/T 0031 producers use both). */
    public Instant anyTime(String field) {
        return tag == UTC_TIME ? utcTime(field) : generalizedTime(field);
    }

    private <T> T decode(String field, Decoder<T> decoder) {
        try {
            return decoder.decode(ASN1Primitive.fromByteArray(encoded()));
        } catch (IOException | ParseException | RuntimeException e) {
            throw new SesFormatException(SesFormatException.MALFORMED, field + ": " + describe(e), e);
        }
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    @FunctionalInterface
    private interface Decoder<T> {
        T decode(ASN1Primitive p) throws IOException, ParseException;
    }

    /** Iterative over siblings, recursive over depth (bounded by {@link SesLimits#maxDepth()}). */
    private static final class Scanner {
        private final byte[] in;
        private final SesLimits limits;
        private final boolean sesTagsOnly;
        private int elements;

        Scanner(byte[] in, SesLimits limits, boolean sesTagsOnly) {
            this.in = in;
            this.limits = limits;
            this.sesTagsOnly = sesTagsOnly;
        }

        DerNode read(int pos, int limit, int depth) {
            if (depth > limits.maxDepth()) {
                throw new SesFormatException(SesFormatException.TOO_LARGE,
                        "nesting deeper than " + limits.maxDepth() + " levels");
            }
            if (++elements > limits.maxElements()) {
                throw new SesFormatException(SesFormatException.TOO_LARGE,
                        "more than " + limits.maxElements() + " ASN.1 elements");
            }
            // the root running past the input is truncation; an element running past its (complete) parent is a
            // broken length
            String overrun = depth == 1 ? SesFormatException.TRUNCATED : SesFormatException.MALFORMED;
            if (pos + 2 > limit) {
                throw new SesFormatException(overrun, "element header cut off at offset " + pos);
            }
            int tag = in[pos] & 0xFF;
            if ((tag & 0x1F) == 0x1F) {
                throw SesFormatException.malformed("high-number tag at offset " + pos + " is not used by SES");
            }
            int first = in[pos + 1] & 0xFF;
            int contentStart = pos + 2;
            long length;
            if (first < 0x80) {
                length = first;
            } else if (first == 0x80) {
                throw SesFormatException.malformed("indefinite length at offset " + pos + " (BER) is not accepted");
            } else {
                int n = first & 0x7F;
                if (n > 4) {
                    throw new SesFormatException(SesFormatException.TOO_LARGE,
                            "length field of " + n + " octets at offset " + pos);
                }
                if (contentStart + n > limit) {
                    throw new SesFormatException(overrun, "length field cut off at offset " + pos);
                }
                length = 0;
                for (int i = 0; i < n; i++) {
                    length = (length << 8) | (in[contentStart + i] & 0xFF);
                }
                contentStart += n;
            }
            if (length > limit - contentStart) {
                throw new SesFormatException(overrun, "element at offset " + pos + " declares " + length
                        + " content octets, only " + (limit - contentStart) + " available");
            }
            int end = contentStart + (int) length;
            List<DerNode> children = List.of();
            if ((tag & 0x20) != 0) {
                if (sesTagsOnly && tag != SEQUENCE && tag != CONTEXT_0) {
                    throw SesFormatException.malformed("constructed element with tag 0x" + Integer.toHexString(tag)
                            + " at offset " + pos + " (only SEQUENCE and [0] occur in SES)");
                }
                List<DerNode> list = new ArrayList<>();
                int p = contentStart;
                while (p < end) {
                    DerNode child = read(p, end, depth + 1);
                    list.add(child);
                    p = child.end;
                }
                children = Collections.unmodifiableList(list);
            }
            return new DerNode(in, pos, contentStart, end, tag, children, limits);
        }
    }
}
