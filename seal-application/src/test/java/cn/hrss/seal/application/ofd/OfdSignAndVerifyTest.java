package cn.hrss.seal.application.ofd;

import cn.hrss.seal.application.sign.SealSigningKey;
import cn.hrss.seal.application.sign.TimeStampSource;
import cn.hrss.seal.application.verify.Check;
import cn.hrss.seal.application.verify.CheckResult;
import cn.hrss.seal.application.verify.SignatureReport;
import cn.hrss.seal.application.verify.TimeStampVerifier;
import cn.hrss.seal.application.verify.Verdict;
import cn.hrss.seal.application.verify.VerificationReport;
import cn.hrss.seal.core.crypto.Sm3;
import cn.hrss.seal.core.ses.SesParser;
import cn.hrss.seal.core.ses.SesSigner;
import cn.hrss.seal.core.ses.SignatureView;
import cn.hrss.seal.core.ses.v4.SESeal;
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
    private static SealSigningKey unitSeal;
    private static SealSigningKey contractSeal;
    private static TimeStampSource tsa;
    private static OfdVerifier verifier;
    private final OfdSigner signer = new OfdSigner();

    @BeforeAll
    static void pki() {
        pki = new OfdTestPki(dir);
        unitSeal = pki.sealKey("测试单位公章", 40, 40);
        contractSeal = pki.sealKey("合同专用章", 42, 42);
        tsa = pki.timeStamps(OfdTestPki.SIGNED_AT.plusSeconds(2));
        verifier = new OfdVerifier(List.of(pki.root()));
    }

    @AfterAll
    static void close() {
        pki.close();
    }

    private byte[] sign(byte[] ofd, SealSigningKey key, OfdPlacement placement) {
        return signer.sign(ofd, key, placement, OfdTestPki.SIGNED_AT, tsa);
    }

    @Test
    void signedDocumentHasTheSignaturePackageAndVerifies() {
        byte[] signed = sign(THREE_PAGES, unitSeal, OfdPlacement.at(0, 120, 200));

        Map<String, byte[]> files = OfdSamples.unzip(signed);
        assertThat(new String(files.get("OFD.xml"), StandardCharsets.UTF_8))
                .contains("<ofd:Signatures>/Doc_0/Signs/Signatures.xml</ofd:Signatures>");
        assertThat(files.get("Doc_0/Signs/Sign_0/Seal.esl")).isEqualTo(unitSeal.seal());
        SignatureView ses = new SesParser().parseSignature(files.get("Doc_0/Signs/Sign_0/SignedValue.dat"));
        assertThat(ses.seal().encoded()).isEqualTo(files.get("Doc_0/Signs/Sign_0/Seal.esl"));
        assertThat(ses.dataHash()).isEqualTo(Sm3.hash(files.get("Doc_0/Signs/Sign_0/Signature.xml")));
        assertThat(ses.propertyInfo()).isEqualTo("/Doc_0/Signs/Sign_0/Signature.xml");
        assertThat(ses.signingTime()).contains(OfdTestPki.SIGNED_AT);
        assertThat(ses.timeStamp()).isPresent();

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

        VerificationReport report = verifier.verify(signed);
        assertThat(report.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(report.signatures()).singleElement().satisfies(s -> {
            assertThat(s.checks()).extracting(CheckResult::check).containsExactly(Check.FORMAT,
                    Check.DOCUMENT_INTEGRITY, Check.SIGNER_SIGNATURE, Check.TIME_STAMP, Check.CERTIFICATE_CHAIN,
                    Check.CERTIFICATE_VALIDITY, Check.CERTIFICATE_STATUS, Check.SEAL, Check.SEAL_STATUS);
            assertThat(s.checks()).filteredOn(CheckResult::decisive)
                    .allMatch(c -> c.verdict() == Verdict.PASSED, "all decisive checks passed");
            assertThat(s.name()).isEqualTo("1");
            assertThat(s.sealName()).contains("测试单位公章");
            assertThat(s.claimedTime()).contains(OfdTestPki.SIGNED_AT);
            assertThat(s.timeStampTime()).contains(OfdTestPki.SIGNED_AT.plusSeconds(2));
        });
    }

    @Test
    void withoutTimeStampTheSigningTimeIsOnlyClaimed() {
        byte[] signed = signer.sign(THREE_PAGES, unitSeal, OfdPlacement.at(0, 120, 200), OfdTestPki.SIGNED_AT,
                null);

        SignatureReport report = verifier.verify(signed).signatures().get(0);
        assertThat(report.check(Check.TIME_STAMP)).hasValueSatisfying(
                c -> assertThat(c.code()).isEqualTo(TimeStampVerifier.NO_TIME_STAMP));
        assertThat(report.checks()).filteredOn(c -> c.check() != Check.TIME_STAMP && c.decisive())
                .allMatch(c -> c.verdict() == Verdict.PASSED, "all other checks passed");
        assertThat(report.verdict()).isEqualTo(Verdict.INDETERMINATE);
    }

    @Test
    void twoSealsOneAfterTheOtherBothVerify() {
        byte[] once = sign(THREE_PAGES, unitSeal, OfdPlacement.at(0, 120, 200));
        byte[] twice = sign(once, contractSeal, OfdPlacement.at(2, 30, 200));

        VerificationReport report = verifier.verify(twice);
        assertThat(report.signatures()).extracting(SignatureReport::name).containsExactly("1", "2");
        assertThat(report.signatures()).extracting(SignatureReport::verdict).containsOnly(Verdict.PASSED);
        assertThat(report.signatures()).extracting(SignatureReport::sealName)
                .containsExactly(java.util.Optional.of("测试单位公章"), java.util.Optional.of("合同专用章"));
        assertThat(new String(OfdSamples.unzip(twice).get("Doc_0/Signs/Signatures.xml"), StandardCharsets.UTF_8))
                .contains("<ofd:MaxSignId>2</ofd:MaxSignId>", "BaseLoc=\"/Doc_0/Signs/Sign_1/Signature.xml\"");
    }

    @Test
    void keywordPlacementCentresTheStampOnTheWord() {
        byte[] signed = sign(THREE_PAGES, unitSeal, OfdPlacement.keyword("甲方盖章"));

        Element stamp = stamps(OfdPackage.read(signed, OfdLimits.DEFAULT), 0).get(0);
        // page 3 (ID 4), line 2: boundary y 42, baseline 48, 5 mm glyphs; "甲方盖章" starts at character 4
        assertThat(stamp.getAttribute("PageRef")).isEqualTo("4");
        assertThat(stamp.getAttribute("Boundary")).isEqualTo("30 25.5 40 40");
        assertThat(verifier.verify(signed).verdict()).isEqualTo(Verdict.PASSED);
    }

    @Test
    void unknownKeywordOrPageIsABadPlacement() {
        assertThatThrownBy(() -> sign(THREE_PAGES, unitSeal, OfdPlacement.keyword("不存在")))
                .isInstanceOfSatisfying(OfdException.class,
                        e -> assertThat(e.code()).isEqualTo(OfdException.BAD_PLACEMENT));
        assertThatThrownBy(() -> sign(THREE_PAGES, unitSeal, OfdPlacement.at(3, 10, 10)))
                .isInstanceOfSatisfying(OfdException.class,
                        e -> assertThat(e.code()).isEqualTo(OfdException.BAD_PLACEMENT));
    }

    @Test
    void ridingSealPutsOneSliceOnEveryPage() {
        byte[] signed = sign(THREE_PAGES, contractSeal, OfdPlacement.riding(100));

        List<Element> stamps = stamps(OfdPackage.read(signed, OfdLimits.DEFAULT), 0);
        assertThat(stamps).extracting(s -> s.getAttribute("PageRef")).containsExactly("2", "3", "4");
        // 42 mm seal in three 14 mm slices at the right edge (x = 210 - (i+1) * 14)
        assertThat(stamps).extracting(s -> s.getAttribute("Boundary"))
                .containsExactly("196 100 42 42", "182 100 42 42", "168 100 42 42");
        assertThat(stamps).extracting(s -> s.getAttribute("Clip"))
                .containsExactly("0 0 14 42", "14 0 14 42", "28 0 14 42");
        assertThat(verifier.verify(signed).verdict()).isEqualTo(Verdict.PASSED);
    }

    @Test
    void ridingSealNeedsTwoPages() {
        byte[] onePage = OfdSamples.document(List.of(List.of("只有一页")));
        assertThatThrownBy(() -> sign(onePage, unitSeal, OfdPlacement.riding(100)))
                .isInstanceOfSatisfying(OfdException.class,
                        e -> assertThat(e.code()).isEqualTo(OfdException.BAD_PLACEMENT));
    }

    @Test
    void threeStepsGiveAVerifyingDocument() throws Exception {
        OfdToBeSigned prepared = signer.prepare(THREE_PAGES, SESeal.getInstance(unitSeal.seal()),
                OfdPlacement.at(1, 10, 10), OfdTestPki.SIGNED_AT);
        assertThat(prepared.signatureLocation()).isEqualTo("/Doc_0/Signs/Sign_0/Signature.xml");
        assertThat(prepared.toSign().dataHash()).isEqualTo(Sm3.hash(prepared.signatureXml()));

        byte[] value = SesSigner.of(unitSeal.device(), unitSeal.key()).sign(prepared.dataToBeSigned());
        byte[] signed = OfdSigner.assemble(prepared, unitSeal.signerCertificate().getEncoded(), value, tsa);
        assertThat(verifier.verify(signed).verdict()).isEqualTo(Verdict.PASSED);
    }

    @Test
    void signerNotListedInTheSealIsRefused() {
        OfdToBeSigned prepared = signer.prepare(THREE_PAGES, SESeal.getInstance(unitSeal.seal()),
                OfdPlacement.at(0, 10, 10), OfdTestPki.SIGNED_AT);
        byte[] value = SesSigner.of(contractSeal.device(), contractSeal.key()).sign(prepared.dataToBeSigned());

        assertThatThrownBy(() -> OfdSigner.assemble(prepared, contractSeal.signerCertificate().getEncoded(), value,
                null)).hasFieldOrPropertyWithValue("code", "SES_SIGNER_NOT_IN_SEAL");
    }

    @Test
    void signingOutsideTheValidityIsRefused() {
        assertThatThrownBy(() -> signer.sign(THREE_PAGES, unitSeal, OfdPlacement.at(0, 10, 10),
                OfdTestPki.NOT_AFTER.plusSeconds(60), null))
                .hasFieldOrPropertyWithValue("code", SealSigningKey.CERTIFICATE_NOT_VALID);
        assertThatThrownBy(() -> signer.prepare(THREE_PAGES, SESeal.getInstance(unitSeal.seal()),
                OfdPlacement.at(0, 10, 10), OfdTestPki.NOT_AFTER.plusSeconds(60)))
                .hasFieldOrPropertyWithValue("code", "SES_SEAL_NOT_VALID");
    }

    @Test
    void documentProtectingSignaturesXmlCannotBeSignedAgain() {
        Map<String, byte[]> files = OfdSamples.unzip(sign(THREE_PAGES, unitSeal, OfdPlacement.at(0, 10, 10)));
        String xml = new String(files.get("Doc_0/Signs/Sign_0/Signature.xml"), StandardCharsets.UTF_8);
        // as a WholeProtected signature would: Signatures.xml among the references
        files.put("Doc_0/Signs/Sign_0/Signature.xml", xml.replace("</ofd:References>",
                "<ofd:Reference FileRef=\"/Doc_0/Signs/Signatures.xml\"><ofd:CheckValue>AA==</ofd:CheckValue>"
                        + "</ofd:Reference></ofd:References>").getBytes(StandardCharsets.UTF_8));
        byte[] locked = OfdSamples.zipBytes(files);

        assertThatThrownBy(() -> sign(locked, contractSeal, OfdPlacement.at(0, 60, 10)))
                .isInstanceOfSatisfying(OfdException.class, e -> {
                    assertThat(e.code()).isEqualTo(OfdException.DOCUMENT_LOCKED);
                    assertThat(e.httpStatus()).isEqualTo(409);
                });
    }

    @Test
    void timeStampOverOtherDataFails() {
        byte[] signed = signer.sign(THREE_PAGES, unitSeal, OfdPlacement.at(0, 10, 10), OfdTestPki.SIGNED_AT,
                imprint -> tsa.timeStamp(Sm3.hash(new byte[] {1, 2, 3})));

        SignatureReport report = verifier.verify(signed).signatures().get(0);
        assertThat(report.check(Check.TIME_STAMP)).hasValueSatisfying(c -> {
            assertThat(c.verdict()).isEqualTo(Verdict.FAILED);
            assertThat(c.code()).isEqualTo(TimeStampVerifier.IMPRINT_MISMATCH);
        });
    }

    static List<Element> stamps(OfdPackage pkg, int sign) {
        String path = "Doc_0/Signs/Sign_" + sign + "/Signature.xml";
        Element signedInfo = OfdXml.required(OfdXml.parse(pkg.get(path), path).getDocumentElement(), "SignedInfo",
                path);
        return OfdXml.children(signedInfo, "StampAnnot");
    }
}
