package cn.hrss.seal.application.ofd;

import cn.hrss.seal.application.ofd.StampLayout.Stamp;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Writes Signature.xml in the element order of the GB/T 33190 schema: Provider, SignatureMethod,
 * SignatureDateTime, References, StampAnnot*, Seal, then SignedValue.
 */
final class OfdSignatureXml {
    /** SM3withSM2, as both ofdrw and Koal write it. */
    static final String SIGNATURE_METHOD = "1.2.156.10197.1.501";
    /**
     * SM3 by OID (as Koal writes it) rather than the name "SM3" (ofdrw): GM/T 0099 identifies algorithms by OID and
     * BouncyCastle's MessageDigest, which ofdrw's validator uses, knows the OID as an alias.
     */
    static final String CHECK_METHOD = "1.2.156.10197.1.401";
    static final String PROVIDER_NAME = "cn.hrss.seal";
    static final String PROVIDER_VERSION = "1.0";

    private OfdSignatureXml() {
    }

    /**
     * @param references package path -> SM3 of the file
     * @param dateTime   SignatureDateTime, "yyyy-MM-dd HH:mm:ss"
     */
    static byte[] write(Map<String, byte[]> references, List<Stamp> stamps, String dateTime, String sealPath,
                        String signedValuePath) {
        Document doc = OfdXml.newDocument("Signature");
        Element signedInfo = OfdXml.append(doc.getDocumentElement(), "SignedInfo");
        Element provider = OfdXml.append(signedInfo, "Provider");
        provider.setAttribute("ProviderName", PROVIDER_NAME);
        provider.setAttribute("Version", PROVIDER_VERSION);
        OfdXml.append(signedInfo, "SignatureMethod", SIGNATURE_METHOD);
        OfdXml.append(signedInfo, "SignatureDateTime", dateTime);
        Element refs = OfdXml.append(signedInfo, "References");
        refs.setAttribute("CheckMethod", CHECK_METHOD);
        references.forEach((path, hash) -> {
            Element ref = OfdXml.append(refs, "Reference");
            ref.setAttribute("FileRef", OfdLoc.absolute(path));
            OfdXml.append(ref, "CheckValue", Base64.getEncoder().encodeToString(hash));
        });
        int id = 1;
        for (Stamp stamp : stamps) {
            Element annot = OfdXml.append(signedInfo, "StampAnnot");
            annot.setAttribute("ID", Integer.toString(id++));
            annot.setAttribute("PageRef", stamp.page().id());
            annot.setAttribute("Boundary", stamp.boundary().format());
            if (stamp.clip() != null) {
                annot.setAttribute("Clip", stamp.clip().format());
            }
        }
        Element seal = OfdXml.append(signedInfo, "Seal");
        OfdXml.append(seal, "BaseLoc", OfdLoc.absolute(sealPath));
        OfdXml.append(doc.getDocumentElement(), "SignedValue", OfdLoc.absolute(signedValuePath));
        return OfdXml.serialise(doc);
    }
}
