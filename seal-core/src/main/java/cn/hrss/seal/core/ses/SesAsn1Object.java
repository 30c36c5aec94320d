package cn.hrss.seal.core.ses;

import org.bouncycastle.asn1.ASN1Object;
import org.bouncycastle.asn1.ASN1Primitive;

import java.io.IOException;

/**
 * Base of the SES structures: an immutable {@link ASN1Object} whose canonical form is its encoding. A decoded
 * object keeps the exact bytes it was decoded from; a built one its DER. Signatures are computed and verified over
 * {@link #encoded()}, never over a re-encoding (a re-encoding can change BOOLEAN and length forms of foreign data).
 */
public abstract class SesAsn1Object extends ASN1Object {
    private final byte[] encoding;

    /** @param encoding the original bytes when decoded, or the DER built by the subclass */
    protected SesAsn1Object(byte[] encoding) {
        this.encoding = encoding;
    }

    /** The bytes this object was decoded from, or its DER when built here. */
    public final byte[] encoded() {
        return encoding.clone();
    }

    /** Length of {@link #encoded()} without copying. */
    public final int encodedLength() {
        return encoding.length;
    }

    /** A BouncyCastle view of {@link #encoded()}. */
    @Override
    public final ASN1Primitive toASN1Primitive() {
        try {
            return ASN1Primitive.fromByteArray(encoding);
        } catch (IOException e) {
            // the encoding passed the SES scanner or was built here, so BouncyCastle can always read it
            throw new IllegalStateException("unreadable SES encoding", e);
        }
    }
}
