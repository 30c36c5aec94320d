package cn.hrss.seal.ca.api;

import cn.hrss.seal.core.crypto.DeviceContentSigner;
import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.device.KeyRef;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;

/** PKCS#10 requests signed by a device key, as an {@link ExternalCaClient} sends them. */
public final class CertificationRequests {
    private CertificationRequests() {
    }

    /**
     * A request for a system certificate: subject {@code O, CN} and the {@link SystemIdentity} extension in the
     * extensionRequest attribute; signed SM3withSM2 (default user ID) by {@code key}, whose public key must be
     * {@code request.publicKey()}.
     */
    public static PKCS10CertificationRequest forSystem(CipherDevice device, KeyRef key,
                                                       SystemCertificateRequest request) {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "CN")
                .addRDN(BCStyle.O, request.organisation())
                .addRDN(BCStyle.CN, request.systemName())
                .build();
        try {
            Extensions extensions = new Extensions(Extension.create(CaObjectIdentifiers.SYSTEM_IDENTITY, false,
                    new SystemIdentity(request.tier(), request.region())));
            return new PKCS10CertificationRequestBuilder(subject, request.publicKey().toSubjectPublicKeyInfo())
                    .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions)
                    .build(DeviceContentSigner.create(device, key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
