package cn.hrss.seal.core.crypto;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class Sm3SharedPartTest {
    private static final byte[] Z = Sm3.hash(new byte[] {1});
    private final Random random = new Random(38540);
    private final byte[] shared = bytes(44_000);
    private final Sm3SharedPart withPrefix = new Sm3SharedPart(Z, shared);
    private final Sm3SharedPart plain = new Sm3SharedPart(new byte[0], shared);

    @Test
    void isTheDigestOfTheWholeMessageForAnyHeadAndTail() {
        for (int head : new int[] {0, 1, 2, 5, 63, 64, 65, 200}) {
            byte[] headBytes = bytes(head);
            for (int tail : new int[] {0, 1, 55, 64, 1000}) {
                byte[] tailBytes = bytes(tail);
                byte[] message = message(headBytes, tailBytes);
                assertThat(withPrefix.digestAround(headBytes, tailBytes)).isEqualTo(Sm3.hash(Z, message));
                assertThat(plain.digestAround(headBytes, tailBytes)).isEqualTo(Sm3.hash(message));
                // the kept state is reused, not changed, by the second message with the same head
                assertThat(plain.digestAround(headBytes, tailBytes)).isEqualTo(Sm3.hash(message));
            }
        }
        assertThat(plain.heads()).isEqualTo(8);
    }

    @Test
    void keepsAtMostItsLimitOfHeadsAndStaysCorrectBeyondIt() {
        for (int i = 0; i < Sm3SharedPart.MAX_HEADS + 10; i++) {
            byte[] head = new byte[] {(byte) i, (byte) (i >> 8)};
            byte[] tail = new byte[] {7};
            assertThat(plain.digestAround(head, tail)).isEqualTo(Sm3.hash(message(head, tail)));
        }
        assertThat(plain.heads()).isEqualTo(Sm3SharedPart.MAX_HEADS);
    }

    @Test
    void theCallerCannotChangeTheSharedPartOrAKeptHeadAfterwards() {
        byte[] mine = bytes(100);
        Sm3SharedPart part = new Sm3SharedPart(new byte[0], mine);
        byte[] head = {1};
        byte[] message = message(head, mine.clone(), new byte[] {2});
        Arrays.fill(mine, (byte) 0);
        assertThat(part.digestAround(head, new byte[] {2})).isEqualTo(Sm3.hash(message));
        head[0] = 9;
        assertThat(part.digestAround(new byte[] {1}, new byte[] {2})).isEqualTo(Sm3.hash(message));
        assertThat(part.heads()).isEqualTo(1);
    }

    private byte[] message(byte[] head, byte[] tail) {
        return message(head, shared, tail);
    }

    private static byte[] message(byte[] head, byte[] middle, byte[] tail) {
        byte[] m = Arrays.copyOf(head, head.length + middle.length + tail.length);
        System.arraycopy(middle, 0, m, head.length, middle.length);
        System.arraycopy(tail, 0, m, head.length + middle.length, tail.length);
        return m;
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
