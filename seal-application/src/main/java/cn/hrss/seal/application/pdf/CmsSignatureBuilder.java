package cn.hrss.seal.application.pdf;

import cn.hrss.seal.application.sign.SealSigningKey;
import cn.hrss.seal.application.sign.TimeStampSource;
import cn.hrss.seal.core.crypto.BouncyCastle;
import cn.hrss.seal.core.crypto.DeviceContentSigner;
import cn.hrss.seal.core.crypto.Sm3;
import cn.hrss.seal.core.error.SealException;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.SignerInfoGeneratorBuilder;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.util.CollectionStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Date;

/**
 * Builds the detached CMS SignedData of a PDF signature: SM3 digest of the signed byte ranges, SM3withSM2 by the
 * device key over the signed attributes (content type, message digest, signing time, ESS signing-certificate-v2
 * with SM3, the {@link SealAttribute#SESEAL seal}, CMS algorithm protection), the certificate chain, and, if a TSA
 * is given, an RFC 3161 token over SM3(signature value) as unsigned attribute id-aa-signatureTimeStampToken.
 */
final class CmsSignatureBuilder {
    private CmsSignatureBuilder() {
    }

    /** A CMS of this size plus the certificates, the seal and a time-stamp token is what /Contents reserves. */
    static int estimatedSize(SealSigningKey key, boolean timeStamped) {
        int size = 4096 + key.seal().length;
        for (X509CertificateHolder certificate : key.chain()) {
            size += encoded(certificate).length;
        }
        // A token holds TSTInfo, its signer info and the TSA certificate chain (a few SM2 certificates).
        return timeStamped ? size + 12 * 1024 : size;
    }

    static byte[] build(byte[] signedContent, SealSigningKey key, Instant signingTime, TimeStampSource timeStamps) {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(signerInfoGenerator(key, signingTime));
            generator.addCertificates(new CollectionStore<>(key.chain()));
            CMSSignedData signedData = generator.generate(new CMSProcessableByteArray(signedContent), false);
            if (timeStamps != null) {
                signedData = withTimeStamp(signedData, timeStamps);
            }
            return signedData.getEncoded(ASN1Encoding.DER);
        } catch (CMSException | OperatorCreationException e) {
            throw new SealException(PdfErrors.CMS_FAILED, 500, "CMS signature could not be built: " + e.getMessage(),
                    null, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SignerInfoGenerator signerInfoGenerator(SealSigningKey key, Instant signingTime)
            throws OperatorCreationException {
        X509CertificateHolder signer = key.signerCertificate();
        ASN1EncodableVector attributes = new ASN1EncodableVector();
        attributes.add(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(signingTime)))));
        attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new DERSet(new SigningCertificateV2(new ESSCertIDv2(new AlgorithmIdentifier(GMObjectIdentifiers.sm3),
                        Sm3.hash(encoded(signer)), new IssuerSerial(new GeneralNames(
                        new GeneralName(signer.getIssuer())), signer.getSerialNumber()))))));
        attributes.add(new Attribute(SealAttribute.SESEAL, new DERSet(new DEROctetString(key.seal()))));
        return new SignerInfoGeneratorBuilder(
                new JcaDigestCalculatorProviderBuilder().setProvider(BouncyCastle.PROVIDER).build())
                .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)))
                .build(DeviceContentSigner.create(key.device(), key.key()), signer);
    }

    private static CMSSignedData withTimeStamp(CMSSignedData signedData, TimeStampSource timeStamps)
            throws IOException {
        SignerInformation signer = signedData.getSignerInfos().getSigners().iterator().next();
        byte[] token = timeStamps.timeStamp(Sm3.hash(signer.getSignature()));
        ContentInfo tokenInfo;
        try {
            tokenInfo = ContentInfo.getInstance(token);
        } catch (IllegalArgumentException e) {
            throw new SealException(TimeStampSource.REJECTED, 502, "TSA token is not a ContentInfo");
        }
        SignerInformation stamped = SignerInformation.replaceUnsignedAttributes(signer, new AttributeTable(
                new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken, new DERSet(tokenInfo))));
        return CMSSignedData.replaceSigners(signedData, new SignerInformationStore(stamped));
    }

    private static byte[] encoded(X509CertificateHolder certificate) {
        try {
            return certificate.getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
