package cn.hrss.seal.application.testing;

import cn.hrss.seal.core.crypto.BouncyCastle;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;

import java.util.List;

/**
 * Checks a signed PDF without our verifier: PDFBox finds every signature and its byte range, BouncyCastle's CMS
 * verifies each SignerInfo (SM3withSM2) over the signed bytes with the embedded signer certificate.
 */
public final class IndependentPdfCheck {
    private IndependentPdfCheck() {
    }

    /** @return the number of signatures, all of which verify; throws AssertionError otherwise */
    public static int signaturesVerify(byte[] signed) throws Exception {
        try (PDDocument document = Loader.loadPDF(signed)) {
            List<PDSignature> signatures = document.getSignatureDictionaries();
            if (signatures.isEmpty()) {
                throw new AssertionError("no signature in the PDF");
            }
            for (PDSignature signature : signatures) {
                CMSSignedData cms;
                // /Contents is zero-padded: the CMS is the first DER object in it
                try (ASN1InputStream in = new ASN1InputStream(signature.getContents())) {
                    cms = new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(signed)),
                            ContentInfo.getInstance(in.readObject()));
                }
                for (SignerInformation signer : cms.getSignerInfos().getSigners()) {
                    @SuppressWarnings("unchecked")
                    X509CertificateHolder certificate = (X509CertificateHolder) cms.getCertificates()
                            .getMatches(signer.getSID()).iterator().next();
                    if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BouncyCastle.PROVIDER)
                            .build(certificate))) {
                        throw new AssertionError("CMS signature of " + signature.getName() + " does not verify");
                    }
                }
            }
            return signatures.size();
        }
    }
}
