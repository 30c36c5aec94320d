package cn.hrss.seal.core.ses;

import cn.hrss.seal.core.crypto.Sm3;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Untrusted input: every malformed, truncated or oversized seal or signature ends in a {@link SesFormatException}
 * with a documented code, quickly and without large allocations. Random mutations are seeded; a failure message
 * names the seed and iteration to replay.
 */
class SesMalformedInputTest {
    private static final long SEED = 0x38540_2020L;
    private static final Set<String> CODES = Set.of(SesFormatException.MALFORMED, SesFormatException.TRUNCATED,
            SesFormatException.UNSUPPORTED_VERSION, SesFormatException.TOO_LARGE);
    private static final byte[] SEAL = HexFormat.of().parseHex(SesKnownAnswerTest.fixture("kat-seal-v4.hex"));
    private static final byte[] SIGNATURE =
            HexFormat.of().parseHex(SesKnownAnswerTest.fixture("kat-signature-v4.hex"));
    private static final byte[] V1_SIGNATURE = SesV1Test.V1Sample.standard().signature();
    private static final SesParser PARSER = new SesParser();

    @Test
    void truncationAtEveryOffsetIsReportedAsTruncated() {
        within(() -> {
            for (byte[] input : new byte[][] {SEAL, SIGNATURE, V1_SIGNATURE}) {
                for (int length = 0; length < input.length; length++) {
                    byte[] cut = Arrays.copyOf(input, length);
                    int at = length;
                    assertThatThrownBy(() -> parseAny(cut, false)).as("cut at %d", at)
                            .isInstanceOfSatisfying(SesFormatException.class,
                                    e -> assertThat(e.code()).isEqualTo(SesFormatException.TRUNCATED));
                }
            }
        });
    }

    @Test
    void randomByteMutationsEitherParseOrFailWithACode() {
        within(() -> {
            Random random = new Random(SEED);
            for (int i = 0; i < 1000; i++) {
                byte[] base = switch (i % 3) {
                    case 0 -> SEAL;
                    case 1 -> SIGNATURE;
                    default -> V1_SIGNATURE;
                };
                byte[] input = base.clone();
                int flips = 1 + random.nextInt(4);
                for (int f = 0; f < flips; f++) {
                    int pos = random.nextInt(input.length);
                    input[pos] = random.nextBoolean() ? (byte) (input[pos] ^ (1 << random.nextInt(8)))
                            : (byte) random.nextInt(256);
                }
                expectParsedOrCoded(input, true, "seed " + SEED + " iteration " + i);
            }
        });
    }

    @Test
    void everyByteSetToLengthLikeValuesIsHandled() {
        // covers every length octet of every element: short, long-form markers, indefinite, maximal
        byte[] values = {0x00, 0x7F, (byte) 0x80, (byte) 0x81, (byte) 0x84, (byte) 0x85, (byte) 0xFF};
        within(() -> {
            for (byte[] base : new byte[][] {SEAL, SIGNATURE}) {
                for (int pos = 0; pos < base.length; pos++) {
                    for (byte v : values) {
                        byte[] input = base.clone();
                        input[pos] = v;
                        expectParsedOrCoded(input, false, "offset " + pos + " set to " + (v & 0xFF));
                    }
                }
            }
        });
    }

    @Test
    void deepNestingIsRefusedAsTooLarge() {
        int depth = 100_000;
        byte[] nested = new byte[depth * 6];
        for (int level = 0; level < depth; level++) {
            int content = (depth - level - 1) * 6;
            int p = level * 6;
            nested[p] = 0x30;
            nested[p + 1] = (byte) 0x84;
            nested[p + 2] = (byte) (content >>> 24);
            nested[p + 3] = (byte) (content >>> 16);
            nested[p + 4] = (byte) (content >>> 8);
            nested[p + 5] = (byte) content;
        }
        within(() -> expectCode(nested, SesFormatException.TOO_LARGE));
    }

    @Test
    void hugeDeclaredLengthsAllocateNothing() {
        within(() -> {
            expectCode(hex("30847fffffff3000"), SesFormatException.TRUNCATED);
            expectCode(hex("3084ffffffff"), SesFormatException.TRUNCATED);
            expectCode(hex("30850100000000"), SesFormatException.TOO_LARGE);
            // inner element claims more than its parent holds
            expectCode(hex("300604847fffffff"), SesFormatException.MALFORMED);
        });
    }

    @Test
    void structuralViolationsAreMalformed() {
        within(() -> {
            expectCode(hex("30800000"), SesFormatException.MALFORMED);        // BER indefinite length
            expectCode(hex("3100"), SesFormatException.MALFORMED);            // SET is not an SES structure
            expectCode(hex("1f8101"), SesFormatException.MALFORMED);          // high tag number
            expectCode(hex("0400"), SesFormatException.MALFORMED);            // not a SEQUENCE
            expectCode(hex("3000"), SesFormatException.MALFORMED);            // no elements
            byte[] trailing = Arrays.copyOf(SEAL, SEAL.length + 1);
            expectCode(trailing, SesFormatException.MALFORMED);
            expectCode(new byte[0], SesFormatException.TRUNCATED);
            assertThatThrownBy(() -> PARSER.parseSeal(null)).isInstanceOf(SesFormatException.class);
        });
    }

    @Test
    void configuredLimitsAreEnforced() {
        SesParser smallInput = new SesParser(new SesLimits(1024, 1 << 20, 32, 10_000));
        SesParser smallPicture = new SesParser(new SesLimits(1 << 20, 16, 32, 10_000));
        SesParser fewElements = new SesParser(new SesLimits(1 << 20, 1 << 20, 32, 20));
        assertCode(() -> smallInput.parseSeal(SEAL), SesFormatException.TOO_LARGE);
        assertCode(() -> smallPicture.parseSeal(SEAL), SesFormatException.TOO_LARGE);
        assertCode(() -> fewElements.parseSignature(SIGNATURE), SesFormatException.TOO_LARGE);
        assertThat(new SesParser().parseSeal(SEAL).esId()).isNotEmpty();

        ByteArrayOutputStream manyNulls = new ByteArrayOutputStream();
        manyNulls.writeBytes(hex("30830249f0"));
        for (int i = 0; i < 75_000; i++) {
            manyNulls.writeBytes(hex("0500"));
        }
        within(() -> expectCode(manyNulls.toByteArray(), SesFormatException.TOO_LARGE));
    }

    private static void expectParsedOrCoded(byte[] input, boolean verify, String replay) {
        try {
            parseAny(input, verify);
        } catch (SesFormatException e) {
            assertThat(e.code()).as(replay).isIn(CODES);
        } catch (Throwable t) {
            fail("unexpected " + t + " for " + replay, t);
        }
    }

    /** Tries both entry points; what parses must also survive verification without exceptions. */
    private static void parseAny(byte[] input, boolean verify) {
        try {
            SignatureView signature = PARSER.parseSignature(input);
            if (verify) {
                SesVerifier.verify(signature, Sm3.hash(SesFixtures.ORIGINAL));
            }
        } catch (SesFormatException notASignature) {
            SealView seal = PARSER.parseSeal(input);
            if (verify) {
                SesVerifier.sealSignature(seal);
            }
        }
    }

    private static void expectCode(byte[] input, String code) {
        assertCode(() -> PARSER.parseSeal(input), code);
        assertCode(() -> PARSER.parseSignature(input), code);
    }

    private static void assertCode(Executable parse, String code) {
        assertThatThrownBy(parse::execute).isInstanceOfSatisfying(SesFormatException.class,
                e -> assertThat(e.code()).as(e.getMessage()).isEqualTo(code));
    }

    private static void within(Executable body) {
        assertTimeoutPreemptively(Duration.ofSeconds(30), body);
    }

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

}
