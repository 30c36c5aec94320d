package cn.hrss.seal.core.ses.asn1;

import org.bouncycastle.asn1.ASN1Object;
import org.bouncycastle.asn1.ASN1Primitive;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Base of the SES structures: an immutable {@link ASN1Object} whose canonical form is its encoding. A decoded
 * object keeps the exact bytes it was decoded from; a built one its DER. Signatures are computed and verified over
 * {@link #encoded()}, never over a re-encoding (a re-encoding can change BOOLEAN and length forms of foreign data).
 *
 * <p>Decoded objects share the one private copy of the input made by the scanner (each keeps its range), so a parse
 * holds the input about once rather than once per nesting level.
 */
public abstract class SesAsn1Object extends ASN1Object {
    private final byte[] source;
    private final int offset;
    private final int length;

    /** @param encoding the node decoded from, or {@link #built} DER */
    protected SesAsn1Object(DerNode encoding) {
        this.source = encoding.source();
        this.offset = encoding.start();
        this.length = encoding.end() - encoding.start();
    }

    /** Wraps DER produced by this module (not scanned again). */
    protected static DerNode built(byte[] der) {
        return DerNode.ofBuilt(der);
    }

    /** The bytes this object was decoded from, or its DER when built here. */
    public final byte[] encoded() {
        return Arrays.copyOfRange(source, offset, offset + length);
    }

    /** Copies {@link #encoded()} into {@code destination} at {@code at}, without an intermediate array. */
    public final void copyEncodedTo(byte[] destination, int at) {
        System.arraycopy(source, offset, destination, at, length);
    }

    /** Writes {@link #encoded()} to {@code out} from where it is kept. */
    public final void writeEncodedTo(OutputStream out) throws IOException {
        out.write(source, offset, length);
    }

    /** Length of {@link #encoded()} without copying. */
    public final int encodedLength() {
        return length;
    }

    /** A BouncyCastle view of {@link #encoded()}. */
    @Override
    public final ASN1Primitive toASN1Primitive() {
        try {
            return ASN1Primitive.fromByteArray(encoded());
        } catch (IOException e) {
            // the encoding passed the SES scanner or was built here, so BouncyCastle can always read it
            throw new IllegalStateException("unreadable SES encoding", e);
        }
    }
}
