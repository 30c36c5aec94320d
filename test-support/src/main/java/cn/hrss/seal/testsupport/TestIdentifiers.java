package cn.hrss.seal.testsupport;

import java.security.SecureRandom;

/**
 * Fresh identifiers for tests that need many distinct valid ones, computed from the published algorithms
 * independently of the code under test.
 */
public final class TestIdentifiers {
    private static final String CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] ORGANISATION_CODE_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestIdentifiers() {
    }

    /**
     * A fresh, valid unified social credit code of a government organ (11...) in a region: a random GB 11714
     * organisation code with its check character, then the GB 32100 check character.
     */
    public static String creditCode(String region) {
        String org = String.format("%08d", RANDOM.nextInt(100_000_000));
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (org.charAt(i) - '0') * ORGANISATION_CODE_WEIGHTS[i];
        }
        int c9 = 11 - sum % 11;
        String body = "11" + region + org + (c9 == 10 ? "X" : c9 == 11 ? "0" : Integer.toString(c9));
        int total = 0;
        int weight = 1;
        for (int i = 0; i < 17; i++) {
            total += CREDIT_CODE_ALPHABET.indexOf(body.charAt(i)) * weight;
            weight = weight * 3 % 31;
        }
        int c18 = 31 - total % 31;
        return body + CREDIT_CODE_ALPHABET.charAt(c18 == 31 ? 0 : c18);
    }
}
