package cn.hrss.seal.application.ofd;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** Reads Signatures.xml and the Signature.xml files it lists. Paths are package paths. */
final class OfdSignatures {

    /** One entry of Signatures.xml. {@code type} defaults to "Seal". */
    record Entry(String id, String type, String signaturePath) {
    }

    /** A parsed Signature.xml; {@code sealPath} is empty when the optional Seal element is absent. */
    record Signature(String checkMethod, String signatureMethod, String dateTime, List<Reference> references,
                     Optional<String> sealPath, String signedValuePath) {

        boolean protects(String path) {
            return references.stream().anyMatch(r -> r.path().equals(path));
        }
    }

    record Reference(String path, byte[] checkValue) {
    }

    private OfdSignatures() {
    }

    static List<Entry> entries(OfdPackage pkg, String signaturesPath) {
        Element root = OfdXml.parse(pkg.get(signaturesPath), signaturesPath).getDocumentElement();
        List<Entry> entries = new ArrayList<>();
        for (Element e : OfdXml.children(root, "Signature")) {
            String type = e.getAttribute("Type").isEmpty() ? "Seal" : e.getAttribute("Type");
            entries.add(new Entry(e.getAttribute("ID"), type, OfdLoc.resolve(signaturesPath, e.getAttribute("BaseLoc"))));
        }
        return entries;
    }

    static Signature signature(OfdPackage pkg, String path) {
        Document doc = OfdXml.parse(pkg.get(path), path);
        Element root = doc.getDocumentElement();
        Element signedInfo = OfdXml.required(root, "SignedInfo", path);
        Element refs = OfdXml.required(signedInfo, "References", path);
        List<Reference> references = new ArrayList<>();
        for (Element ref : OfdXml.children(refs, "Reference")) {
            byte[] value;
            try {
                value = Base64.getMimeDecoder().decode(OfdXml.text(OfdXml.required(ref, "CheckValue", path)));
            } catch (IllegalArgumentException e) {
                throw OfdException.malformed("/" + path + ": CheckValue is not Base64");
            }
            references.add(new Reference(OfdLoc.resolve(path, ref.getAttribute("FileRef")), value));
        }
        Optional<String> seal = OfdXml.child(signedInfo, "Seal")
                .map(s -> OfdLoc.resolve(path, OfdXml.text(OfdXml.required(s, "BaseLoc", path))));
        String signedValue = OfdLoc.resolve(path, OfdXml.text(OfdXml.required(root, "SignedValue", path)));
        String checkMethod = refs.getAttribute("CheckMethod").isEmpty() ? "MD5" : refs.getAttribute("CheckMethod");
        return new Signature(checkMethod,
                OfdXml.child(signedInfo, "SignatureMethod").map(OfdXml::text).orElse(""),
                OfdXml.child(signedInfo, "SignatureDateTime").map(OfdXml::text).orElse(""),
                List.copyOf(references), seal, signedValue);
    }
}
