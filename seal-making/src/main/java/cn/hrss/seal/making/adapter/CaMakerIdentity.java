package cn.hrss.seal.making.adapter;

import cn.hrss.seal.ca.api.CertificateAuthority;
import cn.hrss.seal.core.device.KeyRef;
import cn.hrss.seal.making.port.MakerIdentity;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The seal maker is this node's making system: its system key and system certificate from the CA (LD/T 01.1
 * section 7.3.2, "used for seal making and identification"). Read on each use, so a re-issued node certificate is
 * picked up.
 */
public final class CaMakerIdentity implements MakerIdentity {
    private final CertificateAuthority ca;

    public CaMakerIdentity(CertificateAuthority ca) {
        this.ca = ca;
    }

    @Override
    public KeyRef key() {
        return ca.nodeKey();
    }

    @Override
    public byte[] certificate() {
        try {
            return ca.nodeCertificate().getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
