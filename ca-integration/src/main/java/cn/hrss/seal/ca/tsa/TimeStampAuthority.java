package cn.hrss.seal.ca.tsa;

import cn.hrss.seal.ca.authority.CaIdentities;
import cn.hrss.seal.ca.authority.SerialNumbers;
import cn.hrss.seal.ca.authority.SigningIdentity;
import cn.hrss.seal.core.crypto.BouncyCastle;
import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.error.SealException;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.bouncycastle.util.CollectionStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Date;
import cn.hrss.seal.ca.api.TimeStamping;
import java.util.List;
import java.util.Set;

/**
 * RFC 3161 time-stamping unit (GB/T 20520 follows the same model) signing SM3withSM2 with the TSA key. Requests
 * BouncyCastle can validate but we will not serve (hash algorithm, imprint length, policy, extensions) get a
 * rejection with the matching failInfo; bytes that are not a TimeStampReq at all are a client error.
 */
final class TimeStampAuthority implements TimeStamping {
    /** Imprint algorithms accepted: SM3 (GB/T 20520) and SHA-256 for international tools. */
    static final Set<ASN1ObjectIdentifier> ACCEPTED_DIGESTS =
            Set.of(GMObjectIdentifiers.sm3, NISTObjectIdentifiers.id_sha256);

    private final CipherDevice device;
    private final CaIdentities identities;
    private final SerialNumbers serials;
    private final Clock clock;
    private final ASN1ObjectIdentifier policy;
    private final DigestCalculatorProvider digests;

    TimeStampAuthority(CipherDevice device, CaIdentities identities, SerialNumbers serials, Clock clock,
                       ASN1ObjectIdentifier policy) {
        this.device = device;
        this.identities = identities;
        this.serials = serials;
        this.clock = clock;
        this.policy = policy;
        try {
            this.digests = new JcaDigestCalculatorProviderBuilder().setProvider(BouncyCastle.PROVIDER).build();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @return a DER TimeStampResp (granted or rejection)
     * @throws SealException {@code TSA_MALFORMED_REQUEST} (400) when the bytes are not a TimeStampReq
     */
    @Override
    public byte[] respond(byte[] request) {
        TimeStampRequest req = parse(request);
        try {
            TimeStampResponseGenerator generator = new TimeStampResponseGenerator(tokenGenerator(),
                    ACCEPTED_DIGESTS, Set.of(policy), Set.of());
            return generator.generate(req, serials.next(), Date.from(clock.instant())).getEncoded();
        } catch (TSPException e) {
            throw new IllegalStateException("cannot make time stamp", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public byte[] token(byte[] sm3Imprint) {
        if (sm3Imprint == null || sm3Imprint.length != 32) {
            throw new IllegalArgumentException("an SM3 imprint is 32 bytes");
        }
        TimeStampRequestGenerator request = new TimeStampRequestGenerator();
        request.setCertReq(true);
        try {
            return tokenGenerator().generate(request.generate(GMObjectIdentifiers.sm3, sm3Imprint), serials.next(),
                    Date.from(clock.instant())).getEncoded();
        } catch (TSPException e) {
            throw new IllegalStateException("cannot make time stamp", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One generator per stamp: the device signer it wraps signs once. */
    private TimeStampTokenGenerator tokenGenerator() throws TSPException {
        SigningIdentity tsa = identities.tsa();
        X509CertificateHolder cert = tsa.certificate();
        try {
            SignerInfoGenerator signerInfo = new JcaSignerInfoGeneratorBuilder(digests)
                    .build(tsa.contentSigner(device), cert);
            TimeStampTokenGenerator generator = new TimeStampTokenGenerator(signerInfo,
                    digests.get(new AlgorithmIdentifier(GMObjectIdentifiers.sm3)), policy);
            generator.setAccuracySeconds(1);
            // genTime to the millisecond: a document signed in the second its seal was made must not predate it
            generator.setResolution(TimeStampTokenGenerator.R_MILLISECONDS);
            generator.setTSA(new GeneralName(cert.getSubject()));
            // Only put into the token when the request asks (certReq), which BC's generator honours.
            generator.addCertificates(new CollectionStore<>(List.of(cert)));
            return generator;
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot set up the TSA signer", e);
        }
    }

    private static TimeStampRequest parse(byte[] request) {
        if (request == null || request.length == 0) {
            throw SealException.badRequest("TSA_MALFORMED_REQUEST", "empty time-stamp request");
        }
        try {
            TimeStampRequest req = new TimeStampRequest(request);
            req.getMessageImprintDigest(); // force the lazy parts to be decoded now
            return req;
        } catch (IOException | RuntimeException e) {
            throw SealException.badRequest("TSA_MALFORMED_REQUEST", "not an RFC 3161 TimeStampReq");
        }
    }
}
