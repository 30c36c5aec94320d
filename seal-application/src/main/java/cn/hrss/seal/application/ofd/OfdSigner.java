package cn.hrss.seal.application.ofd;

import cn.hrss.seal.application.ofd.StampLayout.Stamp;
import cn.hrss.seal.application.sign.SealSigningKey;
import cn.hrss.seal.application.sign.TimeStampSource;
import cn.hrss.seal.core.crypto.Sm3;
import cn.hrss.seal.core.ses.SesSigner;
import cn.hrss.seal.core.ses.SignatureMaker;
import cn.hrss.seal.core.ses.TimeStampHook;
import cn.hrss.seal.core.ses.v4.SESeal;
import cn.hrss.seal.core.ses.v4.SesSignature;
import cn.hrss.seal.core.ses.v4.TbsSign;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Applies a GB/T 38540 seal to an OFD document (GB/T 33190 §18) in three steps: {@link #prepare} adds Seal.esl
 * and Signature.xml and returns the TBS_Sign; the signer's device signs {@link OfdToBeSigned#dataToBeSigned()};
 * {@link #assemble} writes SES_Signature to SignedValue.dat. Signatures are made in ContinueSign mode: Signatures.xml
 * is never protected, so further seals can follow (pitfall 16).
 */
public final class OfdSigner {
    /** SignatureDateTime is a zone-less wall time (pitfall 12); we write China time, as Koal and ofdrw do. */
    static final ZoneId SIGNATURE_ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final OfdLimits limits;

    public OfdSigner(OfdLimits limits) {
        this.limits = Objects.requireNonNull(limits);
    }

    public OfdSigner() {
        this(OfdLimits.DEFAULT);
    }

    /** Step 1. The signing time is truncated to whole seconds and must lie within the seal's validity. */
    public OfdToBeSigned prepare(byte[] ofd, SESeal seal, OfdPlacement placement, Instant signingTime) {
        Instant time = signingTime.truncatedTo(ChronoUnit.SECONDS);
        OfdPackage pkg = OfdPackage.read(ofd, limits);
        OfdDocument document = OfdDocument.read(pkg);
        var picture = seal.sealInfo().picture();
        List<Stamp> stamps = StampLayout.layout(placement, document, pkg, picture.widthMm(), picture.heightMm());

        String signsDir = document.signsDirectory();
        String signaturesPath = document.signaturesPath().orElse(signsDir + "Signatures.xml");
        List<OfdSignatures.Entry> existing = document.signaturesPath().isPresent()
                ? OfdSignatures.entries(pkg, signaturesPath) : List.of();
        for (OfdSignatures.Entry entry : existing) {
            if (OfdSignatures.signature(pkg, entry.signaturePath()).protects(signaturesPath)) {
                throw OfdException.documentLocked("signature " + entry.id()
                        + " protects Signatures.xml; no further signature can be added");
            }
        }
        int id = existing.stream().mapToInt(e -> numericId(e.id())).max().orElse(0) + 1;
        String signDir = freeDirectory(pkg, signsDir);
        String signaturePath = signDir + "Signature.xml";
        String sealPath = signDir + "Seal.esl";
        String signedValuePath = signDir + "SignedValue.dat";

        Map<String, byte[]> changes = new LinkedHashMap<>();
        if (document.signaturesPath().isEmpty()) {
            changes.put(OfdDocument.OFD_XML, withSignaturesLoc(pkg, signaturesPath));
        }
        changes.put(sealPath, seal.encoded());
        OfdPackage withSeal = pkg.with(changes);

        // ContinueSign: everything present except Signatures.xml, which later signatures must be able to change
        Map<String, byte[]> references = new LinkedHashMap<>();
        for (String path : withSeal.paths()) {
            if (!path.equals(signaturesPath)) {
                references.put(path, Sm3.hash(withSeal.get(path)));
            }
        }
        byte[] signatureXml = OfdSignatureXml.write(references, stamps,
                DATE_TIME.format(time.atZone(SIGNATURE_ZONE)), sealPath, signedValuePath);
        byte[] signatures = withEntry(pkg, document, signaturesPath, id, signaturePath);

        TbsSign tbs = SignatureMaker.toBeSigned(seal, SignatureMaker.dataHash(signatureXml),
                OfdLoc.absolute(signaturePath), time, null);
        OfdPackage prepared = withSeal.with(Map.of(signaturePath, signatureXml, signaturesPath, signatures));
        return new OfdToBeSigned(prepared, signaturePath, signedValuePath, tbs);
    }

    /**
     * Step 3: checks the signature value against the signer certificate (seal-core), adds the optional time stamp
     * (imprint = SM3 of the DER signature value, in SES_Signature.timeStamp) and returns the signed OFD.
     *
     * @param timeStamps the TSA, or null for none
     */
    public static byte[] assemble(OfdToBeSigned prepared, byte[] signerCertificate, byte[] signatureValue,
                                  TimeStampSource timeStamps) {
        TimeStampHook hook = timeStamps == null ? null : value -> timeStamps.timeStamp(Sm3.hash(value));
        SesSignature signature = SignatureMaker.assemble(prepared.toSign(), signerCertificate, signatureValue, hook);
        return prepared.pkg().with(Map.of(prepared.signedValuePath(), signature.encoded())).toZip();
    }

    /** The three steps, step 2 by the seal key's cipher device; signer certificate and seal valid at signing. */
    public byte[] sign(byte[] ofd, SealSigningKey key, OfdPlacement placement, Instant signingTime,
                       TimeStampSource timeStamps) {
        key.checkUsableAt(signingTime);
        OfdToBeSigned prepared = prepare(ofd, SESeal.getInstance(key.seal()), placement, signingTime);
        byte[] value = SesSigner.of(key.device(), key.key()).sign(prepared.dataToBeSigned());
        try {
            return assemble(prepared, key.signerCertificate().getEncoded(), value, timeStamps);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String freeDirectory(OfdPackage pkg, String signsDir) {
        for (int n = 0; ; n++) {
            String dir = signsDir + "Sign_" + n + "/";
            if (pkg.paths().stream().noneMatch(p -> p.startsWith(dir))) {
                return dir;
            }
        }
    }

    private static int numericId(String id) {
        try {
            return Integer.parseInt(id.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static byte[] withSignaturesLoc(OfdPackage pkg, String signaturesPath) {
        Document ofdXml = OfdXml.parse(pkg.get(OfdDocument.OFD_XML), OfdDocument.OFD_XML);
        Element docBody = OfdDocument.docBody(ofdXml);
        OfdXml.append(docBody, "Signatures", OfdLoc.absolute(signaturesPath));
        return OfdXml.serialise(ofdXml);
    }

    private static byte[] withEntry(OfdPackage pkg, OfdDocument document, String signaturesPath, int id,
                                    String signaturePath) {
        Document doc = document.signaturesPath().isPresent()
                ? OfdXml.parse(pkg.get(signaturesPath), signaturesPath) : OfdXml.newDocument("Signatures");
        Element root = doc.getDocumentElement();
        Element max = OfdXml.child(root, "MaxSignId").orElseGet(() -> {
            Element created = doc.createElementNS(OfdXml.NS, "ofd:MaxSignId");
            root.insertBefore(created, root.getFirstChild());
            return created;
        });
        max.setTextContent(Integer.toString(id));
        Element entry = OfdXml.append(root, "Signature");
        entry.setAttribute("ID", Integer.toString(id));
        entry.setAttribute("Type", "Seal");
        entry.setAttribute("BaseLoc", OfdLoc.absolute(signaturePath));
        return OfdXml.serialise(doc);
    }
}
