package cn.hrss.seal.making.make;

import org.bouncycastle.asn1.x509.Certificate;

/** The serial number of a DER certificate as lower-case hex, the form CRLs and operators use. */
public final class CertificateSerial {
    private CertificateSerial() {
    }

    public static String of(byte[] certificate) {
        return Certificate.getInstance(certificate).getSerialNumber().getValue().toString(16);
    }
}
