package cn.hrss.seal.core.crypto;

import org.bouncycastle.crypto.digests.SM3Digest;

import java.io.IOException;
import java.io.InputStream;

/** SM3 (GB/T 32905) helpers. Plain SM3, no Z value. */
public final class Sm3 {
    private Sm3() {
    }

    public static byte[] hash(byte[] data) {
        SM3Digest d = new SM3Digest();
        d.update(data, 0, data.length);
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }

    public static byte[] hash(byte[]... parts) {
        SM3Digest d = new SM3Digest();
        for (byte[] p : parts) {
            d.update(p, 0, p.length);
        }
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }

    public static byte[] hash(InputStream in) throws IOException {
        SM3Digest d = new SM3Digest();
        byte[] buf = new byte[64 * 1024];
        int n;
        while ((n = in.read(buf)) > 0) {
            d.update(buf, 0, n);
        }
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }
}
