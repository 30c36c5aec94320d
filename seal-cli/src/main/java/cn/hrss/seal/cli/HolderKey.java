package cn.hrss.seal.cli;

import cn.hrss.seal.core.crypto.BouncyCastle;
import cn.hrss.seal.core.crypto.Sm2;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

import java.io.IOException;
import java.io.Reader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The holder's protection private key, the stand-in for the USBKey: a PEM SM2 key as OpenSSL writes it
 * ({@code openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:SM2}): PKCS#8 {@code PRIVATE KEY}, encrypted
 * PKCS#8 {@code ENCRYPTED PRIVATE KEY} (with a password), or SEC 1 {@code EC PRIVATE KEY}.
 */
final class HolderKey {
    private HolderKey() {
    }

    /** The private scalar d; {@link BadInputException} for anything that is not an SM2 private key. */
    static BigInteger read(Path file, char[] password) {
        Object pem;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
             PEMParser parser = new PEMParser(reader)) {
            pem = parser.readObject();
        } catch (IOException | RuntimeException e) {
            throw new BadInputException("holder key " + file + " is not a PEM file: " + e.getMessage(), e);
        }
        PrivateKeyInfo info;
        if (pem instanceof PrivateKeyInfo plain) {
            info = plain;
        } else if (pem instanceof PEMKeyPair pair) {
            info = pair.getPrivateKeyInfo();
        } else if (pem instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
            info = decrypt(file, encrypted, password);
        } else {
            throw new BadInputException("holder key " + file + " holds no private key (expected PEM PKCS#8)");
        }
        return scalar(file, info);
    }

    private static PrivateKeyInfo decrypt(Path file, PKCS8EncryptedPrivateKeyInfo encrypted, char[] password) {
        if (password == null || password.length == 0) {
            throw new BadInputException("holder key " + file + " is encrypted: give --holder-key-password "
                    + "or set SEAL_HOLDER_KEY_PASSWORD");
        }
        try {
            return encrypted.decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder()
                    .setProvider(BouncyCastle.PROVIDER).build(password));
        } catch (PKCSException | OperatorCreationException e) {
            throw new BadInputException("holder key " + file + ": wrong password or unsupported encryption", e);
        }
    }

    private static BigInteger scalar(Path file, PrivateKeyInfo info) {
        ASN1ObjectIdentifier algorithm = info.getPrivateKeyAlgorithm().getAlgorithm();
        var parameters = info.getPrivateKeyAlgorithm().getParameters();
        if (!X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm) || !Sm2.SM2_CURVE_OID.equals(parameters)) {
            throw new BadInputException("holder key " + file + " is not an SM2 key (curve sm2p256v1)");
        }
        try {
            BigInteger d = ECPrivateKey.getInstance(info.parsePrivateKey()).getKey();
            if (d.signum() <= 0 || d.compareTo(Sm2.N) >= 0) {
                throw new BadInputException("holder key " + file + " is out of range");
            }
            return d;
        } catch (IOException | IllegalArgumentException e) {
            throw new BadInputException("holder key " + file + " is malformed", e);
        }
    }
}
