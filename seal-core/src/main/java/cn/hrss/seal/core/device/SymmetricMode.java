package cn.hrss.seal.core.device;

/** SM4 modes with their GM/T 0006 algorithm identifiers. */
public enum SymmetricMode {
    SM4_ECB(0x00000401),
    SM4_CBC(0x00000402);

    private final int algId;

    SymmetricMode(int algId) {
        this.algId = algId;
    }

    /** The SGD_* algorithm identifier. */
    public int algId() {
        return algId;
    }
}
