package cn.hrss.seal.application.ofd;

import cn.hrss.seal.core.ses.SignatureMaker;
import cn.hrss.seal.core.ses.v4.TbsSign;

/**
 * Step 1 result of OFD signing: the package with Seal.esl, Signature.xml and the updated Signatures.xml/OFD.xml
 * already in place, and the TBS_Sign whose dataHash is SM3 of that Signature.xml. Only SignedValue.dat is missing.
 */
public final class OfdToBeSigned {
    private final OfdPackage pkg;
    private final String signaturePath;
    private final String signedValuePath;
    private final TbsSign toSign;

    OfdToBeSigned(OfdPackage pkg, String signaturePath, String signedValuePath, TbsSign toSign) {
        this.pkg = pkg;
        this.signaturePath = signaturePath;
        this.signedValuePath = signedValuePath;
        this.toSign = toSign;
    }

    /** The DER of TBS_Sign: what the signer's device signs (SM3withSM2, default user ID). */
    public byte[] dataToBeSigned() {
        return SignatureMaker.dataToBeSigned(toSign);
    }

    public TbsSign toSign() {
        return toSign;
    }

    /** Absolute ST_Loc of the new Signature.xml, e.g. {@code /Doc_0/Signs/Sign_0/Signature.xml}. */
    public String signatureLocation() {
        return OfdLoc.absolute(signaturePath);
    }

    public byte[] signatureXml() {
        return pkg.get(signaturePath);
    }

    OfdPackage pkg() {
        return pkg;
    }

    String signedValuePath() {
        return signedValuePath;
    }
}
