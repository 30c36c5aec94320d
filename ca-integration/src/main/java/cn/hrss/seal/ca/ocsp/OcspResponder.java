package cn.hrss.seal.ca.ocsp;

import cn.hrss.seal.ca.api.CertificateStatus;
import cn.hrss.seal.ca.authority.CaIdentities;
import cn.hrss.seal.ca.persistence.CertificateStore;
import cn.hrss.seal.core.crypto.BouncyCastle;
import cn.hrss.seal.core.device.CipherDevice;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

/**
 * RFC 6960 responder for certificates issued by the seal root, signed by the delegated OCSP signer. CertIDs
 * hashed with any digest the provider knows (SHA-1, SM3, SHA-256) are matched; a CertID for another issuer or
 * an unknown serial gets status unknown.
 */
final class OcspResponder {
    /** RFC 8954 2.1: nonces longer than 32 octets are rejected. */
    private static final int MAX_NONCE = 32;
    private static final int MAX_REQUESTS = 16;

    private final CipherDevice device;
    private final CaIdentities identities;
    private final CertificateStore store;
    private final Clock clock;
    private final Duration responseValidity;
    private final DigestCalculatorProvider digests;

    OcspResponder(CipherDevice device, CaIdentities identities, CertificateStore store, Clock clock,
                  Duration responseValidity) {
        this.device = device;
        this.identities = identities;
        this.store = store;
        this.clock = clock;
        this.responseValidity = responseValidity;
        try {
            this.digests = new JcaDigestCalculatorProviderBuilder().setProvider(BouncyCastle.PROVIDER).build();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The DER OCSPResponse for a DER OCSPRequest; a request that does not parse gets malformedRequest. */
    OcspAnswer answer(byte[] request) {
        OCSPReq req = parse(request);
        if (req == null) {
            return OcspAnswer.malformed(status(OCSPRespBuilder.MALFORMED_REQUEST));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        X509CertificateHolder signerCert = identities.ocspSigner().certificate();
        BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(new RespID(signerCert.getSubject()));
        Extension nonce = req.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        if (nonce != null) {
            builder.setResponseExtensions(new Extensions(nonce));
        }
        for (Req r : req.getRequestList()) {
            builder.addResponse(r.getCertID(), statusOf(r.getCertID()), Date.from(now),
                    Date.from(now.plus(responseValidity)), null);
        }
        try {
            BasicOCSPResp basic = builder.build(identities.ocspSigner().contentSigner(device),
                    new X509CertificateHolder[]{signerCert}, Date.from(now));
            return OcspAnswer.ok(new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded());
        } catch (OCSPException e) {
            throw new IllegalStateException("cannot build OCSP response", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OCSPReq parse(byte[] request) {
        if (request == null || request.length == 0) {
            return null;
        }
        try {
            OCSPReq req = new OCSPReq(request);
            int count = req.getRequestList().length;
            Extension nonce = req.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (count == 0 || count > MAX_REQUESTS
                    || nonce != null && nonce.getExtnValue().getOctets().length > MAX_NONCE + 2) {
                return null;
            }
            return req;
        } catch (IOException | RuntimeException e) {
            // BC reports structural errors as IllegalArgumentException / ClassCastException as well.
            return null;
        }
    }

    private org.bouncycastle.cert.ocsp.CertificateStatus statusOf(CertificateID id) {
        try {
            if (!id.matchesIssuer(identities.rootCertificate(), digests)) {
                return new UnknownStatus();
            }
        } catch (OCSPException e) {
            return new UnknownStatus(); // hash algorithm we cannot compute: we cannot say it is ours
        }
        CertificateStatus status = store.status(id.getSerialNumber());
        return switch (status.state()) {
            case GOOD -> org.bouncycastle.cert.ocsp.CertificateStatus.GOOD;
            case REVOKED -> new RevokedStatus(Date.from(status.revokedAt()), status.reason().code());
            case UNKNOWN -> new UnknownStatus();
        };
    }

    private static byte[] status(int ocspStatus) {
        try {
            return new OCSPRespBuilder().build(ocspStatus, null).getEncoded();
        } catch (OCSPException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The encoded response and whether it answers a malformed request (HTTP 400). */
    record OcspAnswer(boolean malformed, byte[] response) {
        static OcspAnswer ok(byte[] response) {
            return new OcspAnswer(false, response);
        }

        static OcspAnswer malformed(byte[] response) {
            return new OcspAnswer(true, response);
        }
    }
}
