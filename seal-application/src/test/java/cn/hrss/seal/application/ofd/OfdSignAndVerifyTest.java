package cn.hrss.seal.application.ofd;

import cn.hrss.seal.application.ofd.OfdCheck.Kind;
import cn.hrss.seal.core.crypto.Sm3;
import cn.hrss.seal.core.ses.SesCheck.Status;
import cn.hrss.seal.core.ses.SesParser;
import cn.hrss.seal.core.ses.SignatureView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OfdSignAndVerifyTest {
    private static final byte[] THREE_PAGES = OfdSamples.document(List.of(
            List.of("劳动合同", "甲方：测试单位"), List.of("第二页", "乙方签字"), List.of("第三页", "盖章处：甲方盖章")));

    @TempDir
    static Path dir;
    private static OfdTestPki pki;
    private static OfdSealKey unitSeal;
    private static OfdSealKey contractSeal;
    private static OfdVerifier verifier;
    private final OfdSigner signer = new OfdSigner();

    @BeforeAll
    static void pki() {
        pki = new OfdTestPki(dir);
        unitSeal = pki.sealKey("测试单位公章", 40, 40);
        contractSeal = pki.sealKey("合同专用章", 42, 42);
        verifier = new OfdVerifier(List.of(pki.root()));
    }

    @AfterAll
    static void close() {
        pki.close();
    }

    private byte[] signAt(byte[] ofd, OfdSealKey key, OfdPlacement placement) {
        return signer.sign(ofd, key, placement, OfdTestPki.SIGNED_AT, null);
    }

    @Test
    void signedDocumentHasTheSignaturePackageAndVerifies() {
        byte[] signed = signAt(THREE_PAGES, unitSeal, OfdPlacement.at(0, 120, 200));

        Map<String, byte[]> files = OfdSamples.unzip(signed);
        assertThat(new String(files.get("OFD.xml"), StandardCharsets.UTF_8))
                .contains("<ofd:Signatures>/Doc_0/Signs/Signatures.xml</ofd:Signatures>");
        assertThat(files.get("Doc_0/Signs/Sign_0/Seal.esl")).isEqualTo(unitSeal.seal().encoded());
        SignatureView ses = new SesParser().parseSignature(files.get("Doc_0/Signs/Sign_0/SignedValue.dat"));
        assertThat(ses.seal().encoded()).isEqualTo(files.get("Doc_0/Signs/Sign_0/Seal.esl"));
        assertThat(ses.dataHash()).isEqualTo(Sm3.hash(files.get("Doc_0/Signs/Sign_0/Signature.xml")));
        assertThat(ses.propertyInfo()).isEqualTo("/Doc_0/Signs/Sign_0/Signature.xml");
        assertThat(ses.signingTime()).contains(OfdTestPki.SIGNED_AT);

        OfdPackage pkg = OfdPackage.read(signed, OfdLimits.DEFAULT);
        OfdSignatures.Signature xml = OfdSignatures.signature(pkg, "Doc_0/Signs/Sign_0/Signature.xml");
        assertThat(xml.checkMethod()).isEqualTo("1.2.156.10197.1.401");
        assertThat(xml.signatureMethod()).isEqualTo("1.2.156.10197.1.501");
        assertThat(xml.dateTime()).isEqualTo("2026-06-01 16:30:00");
        assertThat(xml.references()).extracting(OfdSignatures.Reference::path).contains("OFD.xml",
                "Doc_0/Document.xml", "Doc_0/Pages/Page_2/Content.xml", "Doc_0/Signs/Sign_0/Seal.esl")
                .doesNotContain("Doc_0/Signs/Signatures.xml");
        assertThat(stamps(pkg, 0)).singleElement().satisfies(s -> {
            assertThat(s.getAttribute("PageRef")).isEqualTo("2");
            assertThat(s.getAttribute("Boundary")).isEqualTo("120 200 40 40");
        });

        OfdVerificationReport report = verifier.verify(signed);
        assertThat(report.verdict()).isEqualTo(Status.PASSED);
        assertThat(report.signatures()).singleElement().satisfies(s -> {
            assertThat(s.checks()).extracting(OfdCheck::kind).containsExactly(Kind.FORMAT,
                    Kind.DOCUMENT_INTEGRITY, Kind.SEAL_MATCH, Kind.SIGNER_SIGNATURE, Kind.SIGNER_IN_SEAL,
                    Kind.SEAL_SIGNATURE, Kind.SEAL_VALIDITY, Kind.DATA_HASH, Kind.SIGNER_CERTIFICATE,
                    Kind.MAKER_CERTIFICATE);
            assertThat(s.checks()).allMatch(c -> c.status() == Status.PASSED, "all passed");
            assertThat(s.sealName()).contains("测试单位公章");
        });
    }

    @Test
    void twoSealsOneAfterTheOtherBothVerify() {
        byte[] once = signAt(THREE_PAGES, unitSeal, OfdPlacement.at(0, 120, 200));
        byte[] twice = signAt(once, contractSeal, OfdPlacement.at(2, 30, 200));

        OfdVerificationReport report = verifier.verify(twice);
        assertThat(report.signatures()).extracting(OfdSignatureReport::id).containsExactly("1", "2");
        assertThat(report.signatures()).extracting(OfdSignatureReport::verdict)
                .containsOnly(Status.PASSED);
        assertThat(report.signatures().get(1).signatureLocation()).isEqualTo("/Doc_0/Signs/Sign_1/Signature.xml");
        assertThat(new String(OfdSamples.unzip(twice).get("Doc_0/Signs/Signatures.xml"), StandardCharsets.UTF_8))
                .contains("<ofd:MaxSignId>2</ofd:MaxSignId>");
    }

    @Test
    void keywordPlacementCentresTheStampOnTheWord() {
        byte[] signed = signAt(THREE_PAGES, unitSeal, OfdPlacement.keyword("甲方盖章"));

        Element stamp = stamps(OfdPackage.read(signed, OfdLimits.DEFAULT), 0).get(0);
        // page 3 (ID 4), line 2: boundary y 42, baseline 48, 5 mm glyphs; "甲方盖章" starts at character 4
        assertThat(stamp.getAttribute("PageRef")).isEqualTo("4");
        assertThat(stamp.getAttribute("Boundary")).isEqualTo("30 25.5 40 40");
        assertThat(verifier.verify(signed).verdict()).isEqualTo(Status.PASSED);
    }

    @Test
    void unknownKeywordIsABadPlacement() {
        assertThatThrownBy(() -> signAt(THREE_PAGES, unitSeal, OfdPlacement.keyword("不存在")))
                .isInstanceOfSatisfying(OfdException.class,
                        e -> assertThat(e.code()).isEqualTo(OfdException.BAD_PLACEMENT));
        assertThatThrownBy(() -> signAt(THREE_PAGES, unitSeal, OfdPlacement.at(3, 10, 10)))
                .isInstanceOfSatisfying(OfdException.class,
                        e -> assertThat(e.code()).isEqualTo(OfdException.BAD_PLACEMENT));
    }

    @Test
    void ridingSealPutsOneSliceOnEveryPage() {
        byte[] signed = signAt(THREE_PAGES, contractSeal, OfdPlacement.riding(100));

        List<Element> stamps = stamps(OfdPackage.read(signed, OfdLimits.DEFAULT), 0);
        assertThat(stamps).extracting(s -> s.getAttribute("PageRef")).containsExactly("2", "3", "4");
        // 42 mm seal in three 14 mm slices at the right edge (x = 210 - (i+1) * 14)
        assertThat(stamps).extracting(s -> s.getAttribute("Boundary"))
                .containsExactly("196 100 42 42", "182 100 42 42", "168 100 42 42");
        assertThat(stamps).extracting(s -> s.getAttribute("Clip"))
                .containsExactly("0 0 14 42", "14 0 14 42", "28 0 14 42");
        assertThat(verifier.verify(signed).verdict()).isEqualTo(Status.PASSED);
    }

    @Test
    void ridingSealNeedsTwoPages() {
        byte[] onePage = OfdSamples.document(List.of(List.of("只有一页")));
        assertThatThrownBy(() -> signAt(onePage, unitSeal, OfdPlacement.riding(100)))
                .isInstanceOfSatisfying(OfdException.class,
                        e -> assertThat(e.code()).isEqualTo(OfdException.BAD_PLACEMENT));
    }

    @Test
    void threeStepsGiveTheSameDocumentAsTheDeviceSigner() {
        OfdToBeSigned prepared = signer.prepare(THREE_PAGES, unitSeal.seal(), OfdPlacement.at(1, 10, 10),
                OfdTestPki.SIGNED_AT);
        assertThat(prepared.signatureLocation()).isEqualTo("/Doc_0/Signs/Sign_0/Signature.xml");
        assertThat(prepared.toSign().dataHash()).isEqualTo(Sm3.hash(prepared.signatureXml()));

        byte[] value = unitSeal.signer().sign(prepared.dataToBeSigned());
        byte[] signed = OfdSigner.assemble(prepared, unitSeal.signerCertificate(), value, null);
        assertThat(verifier.verify(signed).verdict()).isEqualTo(Status.PASSED);
    }

    @Test
    void wrongSignerForTheSealIsRefused() {
        OfdSealKey mixed = new OfdSealKey(unitSeal.seal(), contractSeal.signerCertificate(), contractSeal.signer());
        assertThatThrownBy(() -> signAt(THREE_PAGES, mixed, OfdPlacement.at(0, 10, 10)))
                .hasFieldOrPropertyWithValue("code", "SES_SIGNER_NOT_IN_SEAL");
    }

    @Test
    void signingOutsideTheSealValidityIsRefused() {
        assertThatThrownBy(() -> signer.sign(THREE_PAGES, unitSeal, OfdPlacement.at(0, 10, 10),
                OfdTestPki.NOT_AFTER.plusSeconds(60), null))
                .hasFieldOrPropertyWithValue("code", "SES_SEAL_NOT_VALID");
    }

    @Test
    void documentProtectingSignaturesXmlCannotBeSignedAgain() {
        Map<String, byte[]> files = OfdSamples.unzip(signAt(THREE_PAGES, unitSeal, OfdPlacement.at(0, 10, 10)));
        String xml = new String(files.get("Doc_0/Signs/Sign_0/Signature.xml"), StandardCharsets.UTF_8);
        // as a WholeProtected signature would: Signatures.xml among the references
        files.put("Doc_0/Signs/Sign_0/Signature.xml", xml.replace("</ofd:References>",
                "<ofd:Reference FileRef=\"/Doc_0/Signs/Signatures.xml\"><ofd:CheckValue>AA==</ofd:CheckValue>"
                        + "</ofd:Reference></ofd:References>").getBytes(StandardCharsets.UTF_8));
        byte[] locked = OfdSamples.zipBytes(files);

        assertThatThrownBy(() -> signAt(locked, contractSeal, OfdPlacement.at(0, 60, 10)))
                .isInstanceOfSatisfying(OfdException.class, e -> {
                    assertThat(e.code()).isEqualTo(OfdException.DOCUMENT_LOCKED);
                    assertThat(e.httpStatus()).isEqualTo(409);
                });
    }

    @Test
    void timeStampOverTheSignatureValueIsStoredAndVerified() {
        byte[] signed = signer.sign(THREE_PAGES, unitSeal, OfdPlacement.at(0, 10, 10), OfdTestPki.SIGNED_AT,
                pki.timeStamps(OfdTestPki.SIGNED_AT.plusSeconds(2)));

        OfdSignatureReport report = verifier.verify(signed).signatures().get(0);
        assertThat(report.check(Kind.TIME_STAMP).status()).as(report.check(Kind.TIME_STAMP).reason())
                .isEqualTo(Status.PASSED);
        assertThat(report.verdict()).isEqualTo(Status.PASSED);
    }

    @Test
    void timeStampOverOtherDataFails() {
        var tsa = pki.timeStamps(OfdTestPki.SIGNED_AT.plusSeconds(2));
        byte[] signed = signer.sign(THREE_PAGES, unitSeal, OfdPlacement.at(0, 10, 10), OfdTestPki.SIGNED_AT,
                value -> tsa.timeStamp(new byte[] {1, 2, 3}));

        OfdCheck check = verifier.verify(signed).signatures().get(0).check(Kind.TIME_STAMP);
        assertThat(check.status()).isEqualTo(Status.FAILED);
        assertThat(check.reason()).contains("imprint");
    }

    static List<Element> stamps(OfdPackage pkg, int sign) {
        String path = "Doc_0/Signs/Sign_" + sign + "/Signature.xml";
        Element signedInfo = OfdXml.required(OfdXml.parse(pkg.get(path), path).getDocumentElement(), "SignedInfo",
                path);
        return OfdXml.children(signedInfo, "StampAnnot");
    }
}
