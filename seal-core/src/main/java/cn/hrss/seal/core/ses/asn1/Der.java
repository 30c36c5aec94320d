package cn.hrss.seal.core.ses.asn1;

import org.bouncycastle.asn1.ASN1Boolean;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * DER writer for SES structures. Leaves are encoded by BouncyCastle; SEQUENCEs and explicit tags are assembled
 * here from the encodings of their elements, so an element decoded from foreign bytes (e.g. a Koal seal inside
 * a TBS_Sign) is embedded verbatim and its signature stays valid.
 */
public final class Der {
    private static final int GENERALIZED_TIME_TAG = 0x18;

    private Der() {
    }

    public static byte[] sequence(byte[]... elements) {
        return tlv(DerNode.SEQUENCE, elements);
    }

    /** A SEQUENCE's tag and length octets, for a caller that writes its {@code contentLength} content octets. */
    public static byte[] sequenceHeader(int contentLength) {
        return tagAndLength(DerNode.SEQUENCE, contentLength);
    }

    public static byte[] explicit0(byte[] element) {
        return tlv(DerNode.CONTEXT_0, element);
    }

    public static byte[] integer(long value) {
        return encode(new ASN1Integer(value));
    }

    public static byte[] integer(BigInteger value) {
        return encode(new ASN1Integer(value));
    }

    public static byte[] bool(boolean value) {
        return encode(ASN1Boolean.getInstance(value));
    }

    public static byte[] ia5(String value) {
        // validating constructor: rejects non-IA5 characters instead of silently mangling them
        return encode(new DERIA5String(value, true));
    }

    public static byte[] utf8(String value) {
        return encode(new DERUTF8String(value));
    }

    public static byte[] printable(String value) {
        return encode(new DERPrintableString(value, true));
    }

    // OCTET STRING and BIT STRING are written here (a signature writes several): same DER as BouncyCastle's
    public static byte[] octets(byte[] value) {
        return tlv(DerNode.OCTET_STRING, value);
    }

    /** A BIT STRING of whole octets (no unused bits). */
    public static byte[] bitString(byte[] value) {
        return tlv(DerNode.BIT_STRING, new byte[1], value);
    }

    public static byte[] oid(ASN1ObjectIdentifier value) {
        return encode(value);
    }

    /** GeneralizedTime in UTC, whole seconds ("yyyyMMddHHmmssZ"), the DER form used by Koal and ofdrw. */
    public static byte[] generalizedTime(Instant value) {
        // YYYYMMDDHHMMSSZ written directly: every data signature has one, and BouncyCastle's DERGeneralizedTime
        // parsed and re-validated the formatted string each time
        LocalDateTime t = LocalDateTime.ofEpochSecond(value.getEpochSecond(), 0, ZoneOffset.UTC);
        if (t.getYear() < 1 || t.getYear() > 9999) {
            throw new IllegalArgumentException("a GeneralizedTime has years 0001..9999, not " + t.getYear());
        }
        byte[] out = {GENERALIZED_TIME_TAG, 15, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 'Z'};
        digits(out, 2, 4, t.getYear());
        digits(out, 6, 2, t.getMonthValue());
        digits(out, 8, 2, t.getDayOfMonth());
        digits(out, 10, 2, t.getHour());
        digits(out, 12, 2, t.getMinute());
        digits(out, 14, 2, t.getSecond());
        return out;
    }

    private static void digits(byte[] out, int at, int width, int value) {
        for (int i = at + width - 1; i >= at; i--, value /= 10) {
            out[i] = (byte) ('0' + value % 10);
        }
    }

    /** Truncation applied by {@link #generalizedTime}; builders use it so the in-memory value equals the encoded one. */
    public static Instant toSeconds(Instant value) {
        return value.truncatedTo(ChronoUnit.SECONDS);
    }

    private static byte[] encode(ASN1Encodable value) {
        try {
            return value.toASN1Primitive().getEncoded("DER");
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding failed", e);
        }
    }

    private static byte[] tlv(int tag, byte[]... elements) {
        int length = 0;
        for (byte[] e : elements) {
            length += e.length;
        }
        byte[] out = header(tag, length);
        int at = out.length - length;
        for (byte[] e : elements) {
            System.arraycopy(e, 0, out, at, e.length);
            at += e.length;
        }
        return out;
    }

    /** An array of the tag and definite length octets followed by room for {@code length} content octets. */
    private static byte[] header(int tag, int length) {
        byte[] out = new byte[headerLength(length) + length];
        writeHeader(out, tag, length);
        return out;
    }

    /** Tag and length octets of an element with {@code length} content octets. */
    static byte[] tagAndLength(int tag, int length) {
        byte[] out = new byte[headerLength(length)];
        writeHeader(out, tag, length);
        return out;
    }

    private static int headerLength(int length) {
        return 2 + lengthOctets(length);
    }

    private static int lengthOctets(int length) {
        return length < 0x80 ? 0 : (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
    }

    private static void writeHeader(byte[] out, int tag, int length) {
        int lengthOctets = lengthOctets(length);
        out[0] = (byte) tag;
        if (lengthOctets == 0) {
            out[1] = (byte) length;
        } else {
            out[1] = (byte) (0x80 | lengthOctets);
            for (int i = 0; i < lengthOctets; i++) {
                out[2 + i] = (byte) (length >>> (8 * (lengthOctets - 1 - i)));
            }
        }
    }
}
