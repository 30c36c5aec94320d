package cn.hrss.seal.application.verify;

import java.time.Instant;
import java.util.Objects;

/**
 * The time certificates and seals are judged at: the genTime of a valid signature time stamp ({@code proven}),
 * else the validation time, which proves nothing about when the signature was made.
 */
public record SigningTime(Instant at, boolean proven) {
    public SigningTime {
        Objects.requireNonNull(at, "at");
    }
}
