/*
 * A TEST implementation of the GM/T 0018-2012 (SDF) functions the seal system uses, over OpenSSL 3 libcrypto.
 * It lets the JNA binding run against a real shared library in every build. It is not a cipher machine:
 * no key protection, no administrator roles, no self-tests (docs/SDF.md).
 *
 * Handles are heap objects tagged with a magic number so a stale or foreign handle gets SDR_INARGERR
 * instead of undefined behaviour in the common cases.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>

#pragma GCC visibility push(default)
#include "sdf.h"
#pragma GCC visibility pop
#include "sdftest.h"

#define DEVICE_MAGIC  0x53444644u /* "SDFD" */
#define SESSION_MAGIC 0x53444653u /* "SDFS" */
#define KEY_MAGIC     0x5344464bu /* "SDFK" */
#define MAX_RANDOM    (1u << 20)

typedef struct session session;

typedef struct {
    unsigned int magic;
    pthread_mutex_t lock; /* guards the session list */
    session *sessions;
} device;

typedef struct sym_key {
    unsigned int magic;
    unsigned char key[16];
    struct sym_key *next;
} sym_key;

/* A session is used by one thread at a time (GM/T 0018), so its own fields need no lock. */
struct session {
    unsigned int magic;
    device *dev;
    unsigned int *granted; /* key indexes with private-key access right */
    size_t n_granted;
    sym_key *keys;
    session *next;
};

static device *as_device(void *h)
{
    device *d = h;
    return d != NULL && d->magic == DEVICE_MAGIC ? d : NULL;
}

static session *as_session(void *h)
{
    session *s = h;
    return s != NULL && s->magic == SESSION_MAGIC ? s : NULL;
}

static int granted(const session *s, unsigned int index)
{
    for (size_t i = 0; i < s->n_granted; i++) {
        if (s->granted[i] == index) {
            return 1;
        }
    }
    return 0;
}

static sym_key *find_key(session *s, void *h)
{
    for (sym_key *k = s->keys; k != NULL; k = k->next) {
        if (k == h && k->magic == KEY_MAGIC) {
            return k;
        }
    }
    return NULL;
}

static void free_session(session *s)
{
    sym_key *k = s->keys;
    while (k != NULL) {
        sym_key *next = k->next;
        OPENSSL_clear_free(k, sizeof *k);
        k = next;
    }
    free(s->granted);
    s->magic = 0;
    free(s);
}

/* 256-bit values sit right-aligned in the 64-byte ECCref fields; the upper half must be zero. */
static int is_256(const unsigned char field[ECCref_MAX_LEN])
{
    static const unsigned char zero[ECCref_MAX_LEN - 32];
    return memcmp(field, zero, sizeof zero) == 0;
}

static int to_ref(const unsigned char pub[65], ECCrefPublicKey *ref)
{
    memset(ref, 0, sizeof *ref);
    ref->bits = 256;
    memcpy(ref->x + ECCref_MAX_LEN - 32, pub + 1, 32);
    memcpy(ref->y + ECCref_MAX_LEN - 32, pub + 33, 32);
    return SDR_OK;
}

static int index_ok(unsigned int index)
{
    return index >= 1 && index <= SDFT_MAX_INDEX;
}

int SDF_OpenDevice(void **phDeviceHandle)
{
    device *d;
    int rc;
    if (phDeviceHandle == NULL) {
        return SDR_INARGERR;
    }
    rc = sdft_store_acquire();
    if (rc != SDR_OK) {
        return rc;
    }
    d = calloc(1, sizeof *d);
    if (d == NULL) {
        sdft_store_release();
        return SDR_NOBUFFER;
    }
    d->magic = DEVICE_MAGIC;
    pthread_mutex_init(&d->lock, NULL);
    *phDeviceHandle = d;
    return SDR_OK;
}

int SDF_CloseDevice(void *hDeviceHandle)
{
    device *d = as_device(hDeviceHandle);
    if (d == NULL) {
        return SDR_INARGERR;
    }
    /* sessions left open die with the device, as on a real card */
    while (d->sessions != NULL) {
        session *s = d->sessions;
        d->sessions = s->next;
        free_session(s);
    }
    pthread_mutex_destroy(&d->lock);
    d->magic = 0;
    free(d);
    sdft_store_release();
    return SDR_OK;
}

int SDF_OpenSession(void *hDeviceHandle, void **phSessionHandle)
{
    device *d = as_device(hDeviceHandle);
    session *s;
    if (d == NULL || phSessionHandle == NULL) {
        return SDR_INARGERR;
    }
    s = calloc(1, sizeof *s);
    if (s == NULL) {
        return SDR_OPENSESSION;
    }
    s->magic = SESSION_MAGIC;
    s->dev = d;
    pthread_mutex_lock(&d->lock);
    s->next = d->sessions;
    d->sessions = s;
    pthread_mutex_unlock(&d->lock);
    *phSessionHandle = s;
    return SDR_OK;
}

int SDF_CloseSession(void *hSessionHandle)
{
    session *s = as_session(hSessionHandle);
    device *d;
    if (s == NULL) {
        return SDR_INARGERR;
    }
    d = s->dev;
    pthread_mutex_lock(&d->lock);
    for (session **p = &d->sessions; *p != NULL; p = &(*p)->next) {
        if (*p == s) {
            *p = s->next;
            break;
        }
    }
    pthread_mutex_unlock(&d->lock);
    free_session(s);
    return SDR_OK;
}

int SDF_GetDeviceInfo(void *hSessionHandle, DEVICEINFO *pstDeviceInfo)
{
    if (as_session(hSessionHandle) == NULL || pstDeviceInfo == NULL) {
        return SDR_INARGERR;
    }
    memset(pstDeviceInfo, 0, sizeof *pstDeviceInfo);
    memcpy(pstDeviceInfo->IssuerName, "HRSS seal project (TEST ONLY)", 29);
    memcpy(pstDeviceInfo->DeviceName, "sdftest-openssl3", 16);
    memcpy(pstDeviceInfo->DeviceSerial, "20260101TST00001", 16);
    pstDeviceInfo->DeviceVersion = 0x00010000;
    pstDeviceInfo->StandardVersion = 2012;
    pstDeviceInfo->AsymAlgAbility[0] = SGD_SM2_1 | SGD_SM2_3;
    pstDeviceInfo->AsymAlgAbility[1] = 256;
    pstDeviceInfo->SymAlgAbility = SGD_SM4_ECB | SGD_SM4_CBC;
    pstDeviceInfo->HashAlgAbility = SGD_SM3;
    pstDeviceInfo->BufferSize = SDFT_SM2_MAX_PLAIN;
    return SDR_OK;
}

int SDF_GenerateRandom(void *hSessionHandle, unsigned int uiLength, unsigned char *pucRandom)
{
    if (as_session(hSessionHandle) == NULL || pucRandom == NULL || uiLength == 0 || uiLength > MAX_RANDOM) {
        return SDR_INARGERR;
    }
    return RAND_bytes(pucRandom, (int) uiLength) == 1 ? SDR_OK : SDR_RANDERR;
}

int SDF_GetPrivateKeyAccessRight(void *hSessionHandle, unsigned int uiKeyIndex,
                                 unsigned char *pucPassword, unsigned int uiPwdLength)
{
    session *s = as_session(hSessionHandle);
    unsigned int *grown;
    int rc;
    if (s == NULL || (pucPassword == NULL && uiPwdLength != 0)) {
        return SDR_INARGERR;
    }
    if (!index_ok(uiKeyIndex)) {
        return SDR_KEYNOTEXIST;
    }
    rc = sdft_ecc_check_password(uiKeyIndex, pucPassword == NULL ? (const unsigned char *) "" : pucPassword,
                                 uiPwdLength);
    if (rc != SDR_OK || granted(s, uiKeyIndex)) {
        return rc;
    }
    grown = realloc(s->granted, (s->n_granted + 1) * sizeof *grown);
    if (grown == NULL) {
        return SDR_NOBUFFER;
    }
    s->granted = grown;
    s->granted[s->n_granted++] = uiKeyIndex;
    return SDR_OK;
}

int SDF_ReleasePrivateKeyAccessRight(void *hSessionHandle, unsigned int uiKeyIndex)
{
    session *s = as_session(hSessionHandle);
    if (s == NULL) {
        return SDR_INARGERR;
    }
    for (size_t i = 0; i < s->n_granted; i++) {
        if (s->granted[i] == uiKeyIndex) {
            s->granted[i] = s->granted[--s->n_granted];
            return SDR_OK;
        }
    }
    return SDR_OK;
}

static int export_public(void *hSessionHandle, unsigned int index, int enc, ECCrefPublicKey *out)
{
    unsigned char pub[65];
    int rc;
    if (as_session(hSessionHandle) == NULL || out == NULL) {
        return SDR_INARGERR;
    }
    rc = index_ok(index) ? sdft_ecc_public(index, enc, pub) : SDR_KEYNOTEXIST;
    return rc == SDR_OK ? to_ref(pub, out) : rc;
}

int SDF_ExportSignPublicKey_ECC(void *hSessionHandle, unsigned int uiKeyIndex, ECCrefPublicKey *pucPublicKey)
{
    return export_public(hSessionHandle, uiKeyIndex, 0, pucPublicKey);
}

int SDF_ExportEncPublicKey_ECC(void *hSessionHandle, unsigned int uiKeyIndex, ECCrefPublicKey *pucPublicKey)
{
    return export_public(hSessionHandle, uiKeyIndex, 1, pucPublicKey);
}

/* Looks up a private key the session holds the access right for. */
static int private_key(session *s, unsigned int index, int enc, EVP_PKEY **key)
{
    int rc = index_ok(index) ? sdft_ecc_key(index, enc, key) : SDR_KEYNOTEXIST;
    if (rc == SDR_OK && !granted(s, index)) {
        EVP_PKEY_free(*key);
        rc = SDR_PARDENY;
    }
    return rc;
}

int SDF_InternalSign_ECC(void *hSessionHandle, unsigned int uiISKIndex, unsigned char *pucData,
                         unsigned int uiDataLength, ECCSignature *pucSignature)
{
    session *s = as_session(hSessionHandle);
    EVP_PKEY *key;
    int rc;
    /* the input is e = SM3(Z || M), never the message */
    if (s == NULL || pucData == NULL || uiDataLength != 32 || pucSignature == NULL) {
        return SDR_INARGERR;
    }
    rc = private_key(s, uiISKIndex, 0, &key);
    if (rc != SDR_OK) {
        return rc;
    }
    memset(pucSignature, 0, sizeof *pucSignature);
    rc = sdft_sm2_sign(key, pucData, pucSignature->r + ECCref_MAX_LEN - 32, pucSignature->s + ECCref_MAX_LEN - 32);
    EVP_PKEY_free(key);
    return rc;
}

static int verify(EVP_PKEY *key, const unsigned char *e, const ECCSignature *sig)
{
    if (!is_256(sig->r) || !is_256(sig->s)) {
        return SDR_VERIFYERR;
    }
    return sdft_sm2_verify(key, e, sig->r + ECCref_MAX_LEN - 32, sig->s + ECCref_MAX_LEN - 32);
}

int SDF_InternalVerify_ECC(void *hSessionHandle, unsigned int uiIPKIndex, unsigned char *pucData,
                           unsigned int uiDataLength, ECCSignature *pucSignature)
{
    EVP_PKEY *key;
    int rc;
    if (as_session(hSessionHandle) == NULL || pucData == NULL || uiDataLength != 32 || pucSignature == NULL) {
        return SDR_INARGERR;
    }
    rc = index_ok(uiIPKIndex) ? sdft_ecc_key(uiIPKIndex, 0, &key) : SDR_KEYNOTEXIST;
    if (rc != SDR_OK) {
        return rc;
    }
    rc = verify(key, pucData, pucSignature);
    EVP_PKEY_free(key);
    return rc;
}

static EVP_PKEY *external_key(const ECCrefPublicKey *ref)
{
    unsigned char pub[65];
    if (ref->bits != 256 || !is_256(ref->x) || !is_256(ref->y)) {
        return NULL;
    }
    pub[0] = 0x04;
    memcpy(pub + 1, ref->x + ECCref_MAX_LEN - 32, 32);
    memcpy(pub + 33, ref->y + ECCref_MAX_LEN - 32, 32);
    return sdft_sm2_from_public(pub); /* NULL when the point is not on the curve */
}

int SDF_ExternalVerify_ECC(void *hSessionHandle, unsigned int uiAlgID, ECCrefPublicKey *pucPublicKey,
                           unsigned char *pucDataInput, unsigned int uiInputLength, ECCSignature *pucSignature)
{
    EVP_PKEY *key;
    int rc;
    if (as_session(hSessionHandle) == NULL || pucPublicKey == NULL || pucDataInput == NULL || uiInputLength != 32
            || pucSignature == NULL) {
        return SDR_INARGERR;
    }
    if (uiAlgID != SGD_SM2_1 && uiAlgID != SGD_SM2) {
        return SDR_ALGNOTSUPPORT;
    }
    key = external_key(pucPublicKey);
    if (key == NULL) {
        return SDR_INARGERR;
    }
    rc = verify(key, pucDataInput, pucSignature);
    EVP_PKEY_free(key);
    return rc;
}

int SDF_ExternalEncrypt_ECC(void *hSessionHandle, unsigned int uiAlgID, ECCrefPublicKey *pucPublicKey,
                            unsigned char *pucData, unsigned int uiDataLength, ECCCipher *pucEncData)
{
    EVP_PKEY *key;
    int rc;
    if (as_session(hSessionHandle) == NULL || pucPublicKey == NULL || pucData == NULL || pucEncData == NULL
            || uiDataLength == 0 || uiDataLength > SDFT_SM2_MAX_PLAIN) {
        return SDR_INARGERR;
    }
    if (uiAlgID != SGD_SM2_3) {
        return SDR_ALGNOTSUPPORT;
    }
    key = external_key(pucPublicKey);
    if (key == NULL) {
        return SDR_INARGERR;
    }
    memset(pucEncData, 0, offsetof(ECCCipher, C));
    rc = sdft_sm2_encrypt(key, pucData, uiDataLength, pucEncData->x + ECCref_MAX_LEN - 32,
                          pucEncData->y + ECCref_MAX_LEN - 32, pucEncData->M, pucEncData->C);
    if (rc == SDR_OK) {
        pucEncData->L = uiDataLength;
    }
    EVP_PKEY_free(key);
    return rc;
}

int SDF_InternalDecrypt_ECC(void *hSessionHandle, unsigned int uiISKIndex, unsigned int uiAlgID,
                            ECCCipher *pucEncData, unsigned char *pucData, unsigned int *puiDataLength)
{
    session *s = as_session(hSessionHandle);
    EVP_PKEY *key;
    size_t len;
    int rc;
    if (s == NULL || pucEncData == NULL || pucData == NULL || puiDataLength == NULL
            || pucEncData->L == 0 || pucEncData->L > SDFT_SM2_MAX_PLAIN) {
        return SDR_INARGERR;
    }
    if (uiAlgID != SGD_SM2_3) {
        return SDR_ALGNOTSUPPORT;
    }
    if (!is_256(pucEncData->x) || !is_256(pucEncData->y)) {
        return SDR_ENCDATAERR;
    }
    rc = private_key(s, uiISKIndex, 1, &key);
    if (rc != SDR_OK) {
        return rc;
    }
    rc = sdft_sm2_decrypt(key, pucEncData->x + ECCref_MAX_LEN - 32, pucEncData->y + ECCref_MAX_LEN - 32,
                          pucEncData->M, pucEncData->C, pucEncData->L, pucData, &len);
    if (rc == SDR_OK) {
        *puiDataLength = (unsigned int) len;
    }
    EVP_PKEY_free(key);
    return rc;
}

static int new_key(session *s, const unsigned char key[16], void **phKeyHandle)
{
    sym_key *k = OPENSSL_zalloc(sizeof *k);
    if (k == NULL) {
        return SDR_NOBUFFER;
    }
    k->magic = KEY_MAGIC;
    memcpy(k->key, key, 16);
    k->next = s->keys;
    s->keys = k;
    *phKeyHandle = k;
    return SDR_OK;
}

int SDF_GenerateKeyWithKEK(void *hSessionHandle, unsigned int uiKeyBits, unsigned int uiAlgID,
                           unsigned int uiKEKIndex, unsigned char *pucKey, unsigned int *puiKeyLength,
                           void **phKeyHandle)
{
    session *s = as_session(hSessionHandle);
    unsigned char kek[16], key[16];
    int rc;
    if (s == NULL || pucKey == NULL || puiKeyLength == NULL || phKeyHandle == NULL || uiKeyBits != 128) {
        return SDR_INARGERR;
    }
    if (uiAlgID != SGD_SM4_ECB) {
        return SDR_ALGNOTSUPPORT;
    }
    rc = index_ok(uiKEKIndex) ? sdft_kek(uiKEKIndex, kek) : SDR_KEYNOTEXIST;
    if (rc == SDR_OK) {
        rc = RAND_priv_bytes(key, 16) == 1 ? SDR_OK : SDR_RANDERR;
    }
    if (rc == SDR_OK) {
        rc = sdft_sm4(1, SGD_SM4_ECB, kek, NULL, key, 16, pucKey);
    }
    if (rc == SDR_OK) {
        *puiKeyLength = 16;
        rc = new_key(s, key, phKeyHandle);
    }
    OPENSSL_cleanse(kek, sizeof kek);
    OPENSSL_cleanse(key, sizeof key);
    return rc;
}

int SDF_ImportKeyWithKEK(void *hSessionHandle, unsigned int uiAlgID, unsigned int uiKEKIndex,
                         unsigned char *pucKey, unsigned int uiKeyLength, void **phKeyHandle)
{
    session *s = as_session(hSessionHandle);
    unsigned char kek[16], key[16];
    int rc;
    if (s == NULL || pucKey == NULL || phKeyHandle == NULL || uiKeyLength != 16) {
        return SDR_INARGERR;
    }
    if (uiAlgID != SGD_SM4_ECB) {
        return SDR_ALGNOTSUPPORT;
    }
    rc = index_ok(uiKEKIndex) ? sdft_kek(uiKEKIndex, kek) : SDR_KEYNOTEXIST;
    if (rc == SDR_OK) {
        rc = sdft_sm4(0, SGD_SM4_ECB, kek, NULL, pucKey, 16, key);
    }
    if (rc == SDR_OK) {
        rc = new_key(s, key, phKeyHandle);
    }
    OPENSSL_cleanse(kek, sizeof kek);
    OPENSSL_cleanse(key, sizeof key);
    return rc;
}

int SDF_DestroyKey(void *hSessionHandle, void *hKeyHandle)
{
    session *s = as_session(hSessionHandle);
    if (s == NULL) {
        return SDR_INARGERR;
    }
    for (sym_key **p = &s->keys; *p != NULL; p = &(*p)->next) {
        if (*p == hKeyHandle) {
            sym_key *k = *p;
            *p = k->next;
            OPENSSL_clear_free(k, sizeof *k);
            return SDR_OK;
        }
    }
    return SDR_KEYNOTEXIST;
}

static int symmetric(int encrypt, void *hSessionHandle, void *hKeyHandle, unsigned int uiAlgID, unsigned char *pucIV,
                     unsigned char *in, unsigned int len, unsigned char *out, unsigned int *outLen)
{
    session *s = as_session(hSessionHandle);
    sym_key *k;
    int rc;
    if (s == NULL || outLen == NULL) {
        return SDR_INARGERR;
    }
    k = find_key(s, hKeyHandle);
    if (k == NULL) {
        return SDR_KEYNOTEXIST;
    }
    rc = sdft_sm4(encrypt, uiAlgID, k->key, pucIV, in, len, out);
    if (rc == SDR_OK) {
        *outLen = len;
    }
    return rc;
}

int SDF_Encrypt(void *hSessionHandle, void *hKeyHandle, unsigned int uiAlgID, unsigned char *pucIV,
                unsigned char *pucData, unsigned int uiDataLength, unsigned char *pucEncData,
                unsigned int *puiEncDataLength)
{
    return symmetric(1, hSessionHandle, hKeyHandle, uiAlgID, pucIV, pucData, uiDataLength, pucEncData,
                     puiEncDataLength);
}

int SDF_Decrypt(void *hSessionHandle, void *hKeyHandle, unsigned int uiAlgID, unsigned char *pucIV,
                unsigned char *pucEncData, unsigned int uiEncDataLength, unsigned char *pucData,
                unsigned int *puiDataLength)
{
    return symmetric(0, hSessionHandle, hKeyHandle, uiAlgID, pucIV, pucEncData, uiEncDataLength, pucData,
                     puiDataLength);
}

static int range_ok(unsigned int first, unsigned int last)
{
    return index_ok(first) && index_ok(last) && first <= last;
}

int SDFX_GenerateKeyPairAtFreeIndex_ECC(void *hSessionHandle, unsigned int uiFirstIndex, unsigned int uiLastIndex,
                                        unsigned char *pucPassword, unsigned int uiPwdLength,
                                        unsigned int *puiKeyIndex)
{
    if (as_session(hSessionHandle) == NULL || pucPassword == NULL || uiPwdLength == 0 || puiKeyIndex == NULL
            || !range_ok(uiFirstIndex, uiLastIndex)) {
        return SDR_INARGERR;
    }
    return sdft_ecc_generate(uiFirstIndex, uiLastIndex, pucPassword, uiPwdLength, puiKeyIndex);
}

int SDFX_GenerateKEKAtFreeIndex(void *hSessionHandle, unsigned int uiKeyBits, unsigned int uiFirstIndex,
                                unsigned int uiLastIndex, unsigned int *puiKEKIndex)
{
    if (as_session(hSessionHandle) == NULL || uiKeyBits != 128 || puiKEKIndex == NULL
            || !range_ok(uiFirstIndex, uiLastIndex)) {
        return SDR_INARGERR;
    }
    return sdft_kek_generate(uiFirstIndex, uiLastIndex, puiKEKIndex);
}
