package cn.hrss.seal.core.ses;

/** The SES format generations this module reads; detected by structure, not by the header number. */
public enum SesVersion {
    /** GM/T 0031-2014: SESeal of 2 elements, SES_Signature of 2 elements. Read only. */
    GMT_0031_2014,
    /** GB/T 38540-2020 (header version 4): SESeal of 4 elements, SES_Signature of 4 or 5. Read and written. */
    GBT_38540_2020
}
