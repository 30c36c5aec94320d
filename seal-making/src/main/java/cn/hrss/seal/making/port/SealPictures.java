package cn.hrss.seal.making.port;

/** Seal pictures (印文图像): generated to the physical seal's geometry, or an uploaded scan checked. */
public interface SealPictures {

    /** Draws the round seal for a unit and seal name; returns PNG bytes. */
    byte[] draw(String unitName, String sealName);

    /**
     * Checks an uploaded PNG (format, size, dimensions) and returns the bytes to store; throws
     * {@link cn.hrss.seal.core.error.SealException} with a 4xx code when it is unusable.
     */
    byte[] checkUpload(byte[] png);
}
