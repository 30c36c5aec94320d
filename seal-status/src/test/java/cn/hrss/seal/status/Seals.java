package cn.hrss.seal.status;

import cn.hrss.seal.status.api.SealRegistration;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Test seals with fresh esIDs, so tests sharing a database never see each other's seals. */
public final class Seals {
    private Seals() {
    }

    public static String newEsId() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 20).toUpperCase();
    }

    public static SealRegistration registration(String esId, Instant validStart, Duration validity) {
        return new SealRegistration(esId, "某市人力资源和社会保障局", "业务专用章", "110100", "0A1B2C",
                validStart, validStart.plus(validity));
    }

    /** Valid from a day ago for a year. */
    public static SealRegistration registration(String esId, Instant now) {
        return registration(esId, now.minus(Duration.ofDays(1)), Duration.ofDays(365));
    }
}
