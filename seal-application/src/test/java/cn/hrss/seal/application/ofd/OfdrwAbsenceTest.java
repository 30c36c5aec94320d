package cn.hrss.seal.application.ofd;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * ofdrw 2.3.x breaks on our BouncyCastle (>= 1.75); OFD signing is written without it and ofdrw runs only isolated
 * in interop-ofdrw. This keeps it off the application class path (docs/OFD-SIGNATURES.md §4).
 */
class OfdrwAbsenceTest {

    @Test
    void noOfdrwModuleOnTheClassPath() {
        for (String probe : new String[] {"org.ofdrw.core.signatures.Signatures", "org.ofdrw.sign.OFDSigner",
                "org.ofdrw.gm.ses.v4.SESeal", "org.ofdrw.reader.OFDReader"}) {
            assertThatThrownBy(() -> Class.forName(probe)).isInstanceOf(ClassNotFoundException.class);
        }
    }
}
