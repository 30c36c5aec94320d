package cn.hrss.seal.core.device.sdf;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * The GM/T 0018-2012 functions the binding calls, mapped by JNA interface mapping (GmSSL {@code sdf.h} signatures,
 * {@code unsigned int} as Java {@code int}). Interface rather than direct mapping because a vendor library may lack
 * some functions: interface mapping resolves each symbol on first call, so the device can probe and report
 * missing ones, while direct mapping fails on registration. The proxy adds 1-3 microseconds per call
 * (docs/SDF.md), small against an SM2 operation on a cipher machine.
 */
interface SdfLibrary extends Library {

    int SDF_OpenDevice(PointerByReference phDeviceHandle);

    int SDF_CloseDevice(Pointer hDeviceHandle);

    int SDF_OpenSession(Pointer hDeviceHandle, PointerByReference phSessionHandle);

    int SDF_CloseSession(Pointer hSessionHandle);

    int SDF_GetDeviceInfo(Pointer hSessionHandle, SdfStructures.DeviceInfo pstDeviceInfo);

    int SDF_GenerateRandom(Pointer hSessionHandle, int uiLength, byte[] pucRandom);

    int SDF_GetPrivateKeyAccessRight(Pointer hSessionHandle, int uiKeyIndex, byte[] pucPassword, int uiPwdLength);

    int SDF_ReleasePrivateKeyAccessRight(Pointer hSessionHandle, int uiKeyIndex);

    int SDF_ExportSignPublicKey_ECC(Pointer hSessionHandle, int uiKeyIndex, SdfStructures.EccPublicKey pucPublicKey);

    int SDF_ExportEncPublicKey_ECC(Pointer hSessionHandle, int uiKeyIndex, SdfStructures.EccPublicKey pucPublicKey);

    int SDF_InternalSign_ECC(Pointer hSessionHandle, int uiIskIndex, byte[] pucData, int uiDataLength,
                             SdfStructures.EccSignature pucSignature);

    int SDF_InternalVerify_ECC(Pointer hSessionHandle, int uiIpkIndex, byte[] pucData, int uiDataLength,
                               SdfStructures.EccSignature pucSignature);

    int SDF_ExternalVerify_ECC(Pointer hSessionHandle, int uiAlgId, SdfStructures.EccPublicKey pucPublicKey,
                               byte[] pucDataInput, int uiInputLength, SdfStructures.EccSignature pucSignature);

    int SDF_ExternalEncrypt_ECC(Pointer hSessionHandle, int uiAlgId, SdfStructures.EccPublicKey pucPublicKey,
                                byte[] pucData, int uiDataLength, SdfStructures.EccCipher pucEncData);

    /** GmSSL / 2012 form with uiAlgID; the 2023 form passes a key type instead (docs/SDF.md). */
    int SDF_InternalDecrypt_ECC(Pointer hSessionHandle, int uiIskIndex, int uiAlgId,
                                SdfStructures.EccCipher pucEncData, byte[] pucData, IntByReference puiDataLength);

    int SDF_GenerateKeyWithKEK(Pointer hSessionHandle, int uiKeyBits, int uiAlgId, int uiKekIndex, byte[] pucKey,
                               IntByReference puiKeyLength, PointerByReference phKeyHandle);

    int SDF_ImportKeyWithKEK(Pointer hSessionHandle, int uiAlgId, int uiKekIndex, byte[] pucKey, int uiKeyLength,
                             PointerByReference phKeyHandle);

    int SDF_DestroyKey(Pointer hSessionHandle, Pointer hKeyHandle);

    int SDF_Encrypt(Pointer hSessionHandle, Pointer hKeyHandle, int uiAlgId, byte[] pucIv, byte[] pucData,
                    int uiDataLength, byte[] pucEncData, IntByReference puiEncDataLength);

    int SDF_Decrypt(Pointer hSessionHandle, Pointer hKeyHandle, int uiAlgId, byte[] pucIv, byte[] pucEncData,
                    int uiEncDataLength, byte[] pucData, IntByReference puiDataLength);
}
