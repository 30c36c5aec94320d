package cn.hrss.seal.core.crypto;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

import java.security.Provider;

/**
 * The one BouncyCastle provider instance of the system. It is passed explicitly to JCA-style builders
 * ({@code setProvider(BouncyCastle.PROVIDER)}) and never registered globally with {@code Security.addProvider}.
 */
public final class BouncyCastle {
    public static final Provider PROVIDER = new BouncyCastleProvider();

    private BouncyCastle() {
    }
}
