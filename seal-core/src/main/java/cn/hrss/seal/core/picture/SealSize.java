package cn.hrss.seal.core.picture;

/**
 * Round official seal sizes with the proportions of the physical seal: 42 mm is the usual size for units,
 * 40 and 38 mm for their internal bodies and special-purpose seals.
 */
public enum SealSize {
    ROUND_42(42, 1.2, 14.0),
    ROUND_40(40, 1.2, 13.0),
    ROUND_38(38, 1.0, 12.0);

    private final int diameterMm;
    private final double ringMm;
    private final double starMm;

    SealSize(int diameterMm, double ringMm, double starMm) {
        this.diameterMm = diameterMm;
        this.ringMm = ringMm;
        this.starMm = starMm;
    }

    public int diameterMm() {
        return diameterMm;
    }

    /** Width of the outer ring. */
    public double ringMm() {
        return ringMm;
    }

    /** Diameter of the circle through the star's points. */
    public double starMm() {
        return starMm;
    }
}
