package cn.hrss.seal.core.pii;

import cn.hrss.seal.core.device.soft.SoftCipherDevice;
import cn.hrss.seal.core.error.SealException;
import cn.hrss.seal.core.identity.InvalidIdentifierException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalDataProtectorTest {
    private static final String ID = "11010519491231002X";

    @TempDir
    Path dir;
    private SoftCipherDevice device;
    private PersonalDataProtector protector;

    @BeforeEach
    void open() {
        byte[] master = new byte[16];
        new SecureRandom().nextBytes(master);
        device = new SoftCipherDevice(dir.resolve("keys.sealed"), master, "test-password".toCharArray());
        protector = PersonalDataProtector.forLabel(device, PersonalDataProtector.DEFAULT_KEK_LABEL);
    }

    @AfterEach
    void close() {
        device.close();
    }

    @Test
    void roundTripsNormalisedValue() {
        ProtectedValue p = protector.protect(PersonalDataKind.CITIZEN_ID, "11010519491231002x");
        assertThat(protector.reveal(PersonalDataKind.CITIZEN_ID, p.sealed())).isEqualTo(ID);
        ProtectedValue m = protector.protect(PersonalDataKind.MOBILE_NUMBER, "+86 138 0013 8000");
        assertThat(protector.reveal(PersonalDataKind.MOBILE_NUMBER, m.sealed())).isEqualTo("13800138000");
    }

    @Test
    void sealedBytesDoNotContainThePlaintextAndDifferPerCall() {
        ProtectedValue a = protector.protect(PersonalDataKind.CITIZEN_ID, ID);
        ProtectedValue b = protector.protect(PersonalDataKind.CITIZEN_ID, ID);
        assertThat(a.sealed()).isNotEqualTo(b.sealed());
        assertThat(new String(a.sealed(), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("19491231");
        assertThat(a.blindIndex()).isEqualTo(b.blindIndex());
    }

    @Test
    void everyTamperedByteIsDetected() {
        byte[] sealed = protector.protect(PersonalDataKind.MOBILE_NUMBER, "13800138000").sealed();
        for (int i = 0; i < sealed.length; i++) {
            byte[] t = sealed.clone();
            t[i] ^= 0x01;
            assertThatThrownBy(() -> protector.reveal(PersonalDataKind.MOBILE_NUMBER, t))
                    .isInstanceOfSatisfying(SealException.class,
                            e -> assertThat(e.code()).isEqualTo(PersonalDataProtector.PERSONAL_DATA_TAMPERED));
        }
    }

    @Test
    void truncatedAndEmptyInputIsRejected() {
        byte[] sealed = protector.protect(PersonalDataKind.MOBILE_NUMBER, "13800138000").sealed();
        for (int len : new int[] {0, 1, 2, 20, sealed.length - 1}) {
            byte[] t = java.util.Arrays.copyOf(sealed, len);
            assertThatThrownBy(() -> protector.reveal(PersonalDataKind.MOBILE_NUMBER, t))
                    .isInstanceOfSatisfying(SealException.class,
                            e -> assertThat(e.code()).isEqualTo(PersonalDataProtector.PERSONAL_DATA_TAMPERED));
        }
        assertThatThrownBy(() -> protector.reveal(PersonalDataKind.MOBILE_NUMBER, null))
                .isInstanceOf(SealException.class);
    }

    @Test
    void kindIsBound() {
        byte[] sealed = protector.protect(PersonalDataKind.MOBILE_NUMBER, "13800138000").sealed();
        assertThatThrownBy(() -> protector.reveal(PersonalDataKind.CITIZEN_ID, sealed))
                .isInstanceOfSatisfying(SealException.class,
                        e -> assertThat(e.code()).isEqualTo(PersonalDataProtector.PERSONAL_DATA_TAMPERED));
    }

    @Test
    void blindIndexIsStableAcrossInstancesAndNormalisation() {
        PersonalDataProtector again = PersonalDataProtector.forLabel(device, PersonalDataProtector.DEFAULT_KEK_LABEL);
        assertThat(again.kek()).isEqualTo(protector.kek());
        assertThat(again.blindIndex(PersonalDataKind.MOBILE_NUMBER, "138-0013-8000"))
                .isEqualTo(protector.blindIndex(PersonalDataKind.MOBILE_NUMBER, "13800138000"))
                .hasSize(64);
        assertThat(protector.blindIndex(PersonalDataKind.MOBILE_NUMBER, "13800138001"))
                .isNotEqualTo(protector.blindIndex(PersonalDataKind.MOBILE_NUMBER, "13800138000"));
        // a value sealed by one instance opens with the other
        byte[] sealed = protector.protect(PersonalDataKind.CITIZEN_ID, ID).sealed();
        assertThat(again.reveal(PersonalDataKind.CITIZEN_ID, sealed)).isEqualTo(ID);
    }

    @Test
    void anotherKekGivesOtherIndexesAndCannotOpen() {
        PersonalDataProtector other = PersonalDataProtector.forLabel(device, "other-kek");
        assertThat(other.blindIndex(PersonalDataKind.CITIZEN_ID, ID))
                .isNotEqualTo(protector.blindIndex(PersonalDataKind.CITIZEN_ID, ID));
        byte[] sealed = protector.protect(PersonalDataKind.CITIZEN_ID, ID).sealed();
        assertThatThrownBy(() -> other.reveal(PersonalDataKind.CITIZEN_ID, sealed)).isInstanceOf(SealException.class);
    }

    @Test
    void protectCarriesMaskedForm() {
        assertThat(protector.protect(PersonalDataKind.CITIZEN_ID, ID).masked()).isEqualTo("110105********002X");
        assertThat(protector.protect(PersonalDataKind.MOBILE_NUMBER, "13812345678").masked()).isEqualTo("138****5678");
        assertThat(protector.protect(PersonalDataKind.MOBILE_NUMBER, "13812345678").toString())
                .doesNotContain("1234");
    }

    @Test
    void invalidValuesAreRejectedBeforeEncryption() {
        assertThatThrownBy(() -> protector.protect(PersonalDataKind.CITIZEN_ID, "110105194912310021"))
                .isInstanceOfSatisfying(InvalidIdentifierException.class,
                        e -> assertThat(e.code()).isEqualTo("INVALID_CITIZEN_ID"));
    }
}
