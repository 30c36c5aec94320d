package cn.hrss.seal.bench.crypto;

import java.security.SecureRandom;

/** Inputs shared by the benchmarks. */
final class Fixtures {
    /** Size of the signed message and of the small TBS: about a certificate's or an SES_Signature's TBS. */
    static final int MESSAGE_BYTES = 512;

    private Fixtures() {
    }

    static byte[] message(SecureRandom random) {
        return randomBytes(random, MESSAGE_BYTES);
    }

    static byte[] randomBytes(SecureRandom random, int length) {
        byte[] out = new byte[length];
        random.nextBytes(out);
        return out;
    }
}
