package cn.hrss.seal.client;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Splits a DER {@code SEQUENCE OF} into its elements' encodings, without an ASN.1 library on the client. */
final class DerList {
    private DerList() {
    }

    static List<byte[]> elements(byte[] der) {
        int[] outer = header(der, 0);
        if (der[0] != 0x30 || outer[0] + outer[1] != der.length) {
            throw malformed("not one DER SEQUENCE");
        }
        List<byte[]> elements = new ArrayList<>();
        int at = outer[0];
        while (at < der.length) {
            int[] element = header(der, at);
            int end = at + element[0] + element[1];
            if (end > der.length || end < at) {
                throw malformed("element at " + at + " runs past the end");
            }
            elements.add(Arrays.copyOfRange(der, at, end));
            at = end;
        }
        return elements;
    }

    /** {header length, content length} of the element at {@code at}; definite lengths of up to 4 octets. */
    private static int[] header(byte[] der, int at) {
        if (at + 2 > der.length) {
            throw malformed("truncated header at " + at);
        }
        int first = der[at + 1] & 0xff;
        if (first < 0x80) {
            return new int[] {2, first};
        }
        int octets = first & 0x7f;
        if (octets == 0 || octets > 4 || at + 2 + octets > der.length) {
            throw malformed("unsupported length at " + at);
        }
        long length = 0;
        for (int i = 0; i < octets; i++) {
            length = (length << 8) | (der[at + 2 + i] & 0xff);
        }
        if (length > Integer.MAX_VALUE) {
            throw malformed("length at " + at);
        }
        return new int[] {2 + octets, (int) length};
    }

    private static SealApiException malformed(String why) {
        return new SealApiException("CLIENT_BAD_RESPONSE", 0, "signature list: " + why, null, null);
    }
}
