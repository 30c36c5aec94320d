package cn.hrss.seal.application.ofd;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ST_Loc resolution as real producers write it (pitfall 11). */
class OfdLocTest {

    @Test
    void absoluteRelativeAndDoubleSlashLocations() {
        String signature = "Doc_0/Signs/Sign_0/Signature.xml";
        assertThat(OfdLoc.resolve(signature, "/Doc_0/Document.xml")).isEqualTo("Doc_0/Document.xml");
        assertThat(OfdLoc.resolve(signature, "//Doc_0/Document.xml")).isEqualTo("Doc_0/Document.xml");
        assertThat(OfdLoc.resolve(signature, "Seal.esl")).isEqualTo("Doc_0/Signs/Sign_0/Seal.esl");
        assertThat(OfdLoc.resolve("Doc_0/Signs/Signatures.xml", "Sign_0/Signature.xml")).isEqualTo(signature);
        assertThat(OfdLoc.resolve(signature, "../../Pages/./Page_0/Content.xml"))
                .isEqualTo("Doc_0/Pages/Page_0/Content.xml");
        assertThat(OfdLoc.resolve("OFD.xml", " Doc_0/Document.xml ")).isEqualTo("Doc_0/Document.xml");
    }

    @Test
    void locationsLeavingThePackageOrEmptyAreMalformed() {
        for (String loc : new String[] {"../../../x", "", "/", "/.."}) {
            assertThatThrownBy(() -> OfdLoc.resolve("Doc_0/Document.xml", loc)).as(loc)
                    .isInstanceOfSatisfying(OfdException.class,
                            e -> assertThat(e.code()).isEqualTo(OfdException.MALFORMED));
        }
        assertThatThrownBy(() -> OfdLoc.entryName("Doc_0\\Document.xml")).isInstanceOf(OfdException.class);
    }
}
