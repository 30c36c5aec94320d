package cn.hrss.seal.status.publish;

import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.crypto.Sm3;
import cn.hrss.seal.core.device.soft.SoftCipherDevice;
import cn.hrss.seal.core.error.SealException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatusSignerTest {
    @TempDir
    Path dir;
    SoftCipherDevice device;

    @BeforeEach
    void openDevice() {
        byte[] masterKey = new byte[16];
        new SecureRandom().nextBytes(masterKey);
        device = new SoftCipherDevice(dir.resolve("keys.sealed"), masterKey, "pw".toCharArray());
    }

    @AfterEach
    void closeDevice() {
        device.close();
    }

    @Test
    void signsSm3WithSm2OverTheExactBytesWithTheDefaultUserId() {
        device.generateKeyPair("node-system");
        StatusSigner signer = new StatusSigner(device, "node-system", false);
        byte[] body = "{\"esId\":\"A\"}".getBytes(StandardCharsets.UTF_8);

        StatusSignature signature = signer.sign(body);

        assertThat(Sm2.verify(signer.publicKey(), body, signature.der())).isTrue();
        assertThat(signature.signerCertId())
                .isEqualTo(HexFormat.of().formatHex(Sm3.hash(signer.publicKey().uncompressed())))
                .isEqualTo(signer.signerCertId());
        assertThat(signer.publicKeyPem()).startsWith("-----BEGIN PUBLIC KEY-----");
    }

    @Test
    void missingKeyFailsClearlyUnlessGenerationIsAllowed() {
        StatusSigner strict = new StatusSigner(device, "node-system", false);
        assertThatThrownBy(() -> strict.sign(new byte[1]))
                .isInstanceOfSatisfying(SealException.class, e -> {
                    assertThat(e.code()).isEqualTo("STATUS_SIGNER_UNAVAILABLE");
                    assertThat(e.httpStatus()).isEqualTo(503);
                    assertThat(e.getMessage()).contains("node-system", "seal.status.signer.generate-if-missing");
                });
        assertThat(device.findKey("node-system")).isEmpty();

        StatusSigner lenient = new StatusSigner(device, "node-system", true);
        byte[] body = {1, 2, 3};
        assertThat(Sm2.verify(lenient.publicKey(), body, lenient.sign(body).der())).isTrue();
        assertThat(device.findKey("node-system")).isPresent();
    }
}
