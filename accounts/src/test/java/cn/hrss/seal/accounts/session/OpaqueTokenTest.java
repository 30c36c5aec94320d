package cn.hrss.seal.accounts.session;

import cn.hrss.seal.core.crypto.Sm3;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class OpaqueTokenTest {
    private final SecureRandom random = new SecureRandom();

    @Test
    void isThirtyTwoRandomBytesInBase64Url() {
        OpaqueToken token = OpaqueToken.generate(random);
        assertThat(Base64.getUrlDecoder().decode(token.value())).hasSize(32);
        assertThat(OpaqueToken.generate(random).value()).isNotEqualTo(token.value());
    }

    @Test
    void hashIsHexSm3OfTheTokenText() {
        OpaqueToken token = OpaqueToken.generate(random);
        assertThat(token.hash()).isEqualTo(
                HexFormat.of().formatHex(Sm3.hash(token.value().getBytes(StandardCharsets.US_ASCII))));
        assertThat(token.matches(token.hash())).isTrue();
        assertThat(token.matches(OpaqueToken.generate(random).hash())).isFalse();
        assertThat(token.matches(null)).isFalse();
        assertThat(token.toString()).doesNotContain(token.value());
    }

    @Test
    void parsesWhatItGenerates() {
        OpaqueToken token = OpaqueToken.generate(random);
        assertThat(OpaqueToken.parse(token.value())).get().extracting(OpaqueToken::hash).isEqualTo(token.hash());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"abc", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", // truncated: 42 characters
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", // 44 characters
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+",
            "' OR 1=1 --AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    void rejectsMalformedTokens(String text) {
        assertThat(OpaqueToken.parse(text)).isEmpty();
    }
}
