/* SM2 through OpenSSL 3 EVP: the raw primitive over e (no Z, no hashing) and GM/T 0009 ciphertext. */
#include <string.h>
#include <openssl/asn1t.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/obj_mac.h>
#include <openssl/param_build.h>
#include <openssl/rand.h>

#include "sdf.h"
#include "sdftest.h"

/* GM/T 0009 SM2Cipher, the encoding OpenSSL's SM2 EVP_PKEY_encrypt produces and EVP_PKEY_decrypt expects. */
typedef struct {
    BIGNUM *x;
    BIGNUM *y;
    ASN1_OCTET_STRING *hash;
    ASN1_OCTET_STRING *ct;
} SDFT_SM2_CIPHER;

DECLARE_ASN1_FUNCTIONS(SDFT_SM2_CIPHER)

ASN1_SEQUENCE(SDFT_SM2_CIPHER) = {
    ASN1_SIMPLE(SDFT_SM2_CIPHER, x, BIGNUM),
    ASN1_SIMPLE(SDFT_SM2_CIPHER, y, BIGNUM),
    ASN1_SIMPLE(SDFT_SM2_CIPHER, hash, ASN1_OCTET_STRING),
    ASN1_SIMPLE(SDFT_SM2_CIPHER, ct, ASN1_OCTET_STRING),
} ASN1_SEQUENCE_END(SDFT_SM2_CIPHER)

IMPLEMENT_ASN1_FUNCTIONS(SDFT_SM2_CIPHER)

static EVP_PKEY *from_params(OSSL_PARAM_BLD *bld, int selection)
{
    EVP_PKEY *key = NULL;
    OSSL_PARAM *params = OSSL_PARAM_BLD_to_param(bld);
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name(NULL, "SM2", NULL);
    if (params == NULL || ctx == NULL || EVP_PKEY_fromdata_init(ctx) <= 0
            || EVP_PKEY_fromdata(ctx, &key, selection, params) <= 0) {
        key = NULL;
    }
    EVP_PKEY_CTX_free(ctx);
    OSSL_PARAM_free(params);
    return key;
}

EVP_PKEY *sdft_sm2_from_scalar(const unsigned char d[32], unsigned char pub[65])
{
    EVP_PKEY *key = NULL;
    EC_GROUP *group = EC_GROUP_new_by_curve_name(NID_sm2);
    EC_POINT *point = group == NULL ? NULL : EC_POINT_new(group);
    BIGNUM *bn = BN_bin2bn(d, 32, NULL);
    OSSL_PARAM_BLD *bld = OSSL_PARAM_BLD_new();
    if (point != NULL && bn != NULL && bld != NULL && !BN_is_zero(bn)
            && EC_POINT_mul(group, point, bn, NULL, NULL, NULL)
            && EC_POINT_point2oct(group, point, POINT_CONVERSION_UNCOMPRESSED, pub, 65, NULL) == 65
            && OSSL_PARAM_BLD_push_utf8_string(bld, OSSL_PKEY_PARAM_GROUP_NAME, SN_sm2, 0)
            && OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_PRIV_KEY, bn)
            && OSSL_PARAM_BLD_push_octet_string(bld, OSSL_PKEY_PARAM_PUB_KEY, pub, 65)) {
        key = from_params(bld, EVP_PKEY_KEYPAIR);
    }
    OSSL_PARAM_BLD_free(bld);
    BN_clear_free(bn);
    EC_POINT_free(point);
    EC_GROUP_free(group);
    return key;
}

EVP_PKEY *sdft_sm2_from_public(const unsigned char pub[65])
{
    EVP_PKEY *key = NULL;
    OSSL_PARAM_BLD *bld = OSSL_PARAM_BLD_new();
    if (bld != NULL && OSSL_PARAM_BLD_push_utf8_string(bld, OSSL_PKEY_PARAM_GROUP_NAME, SN_sm2, 0)
            && OSSL_PARAM_BLD_push_octet_string(bld, OSSL_PKEY_PARAM_PUB_KEY, pub, 65)) {
        key = from_params(bld, EVP_PKEY_PUBLIC_KEY);
    }
    OSSL_PARAM_BLD_free(bld);
    return key;
}

/* d uniformly in [1, n-2]: SM2 needs 1 + d to be invertible mod n. */
int sdft_sm2_random_scalar(unsigned char d[32])
{
    int rc = SDR_RANDERR;
    EC_GROUP *group = EC_GROUP_new_by_curve_name(NID_sm2);
    BIGNUM *range = BN_new();
    BIGNUM *bn = BN_new();
    if (group != NULL && range != NULL && bn != NULL && BN_copy(range, EC_GROUP_get0_order(group))
            && BN_sub_word(range, 1)) {
        do {
            if (!BN_priv_rand_range(bn, range)) {
                goto done;
            }
        } while (BN_is_zero(bn));
        if (BN_bn2binpad(bn, d, 32) == 32) {
            rc = SDR_OK;
        }
    }
done:
    BN_clear_free(bn);
    BN_free(range);
    EC_GROUP_free(group);
    return rc;
}

int sdft_sm2_sign(EVP_PKEY *key, const unsigned char e[32], unsigned char r[32], unsigned char s[32])
{
    int rc = SDR_SIGNERR;
    unsigned char der[80];
    size_t derlen = sizeof der;
    const unsigned char *p = der;
    ECDSA_SIG *sig = NULL;
    /* With no digest set, OpenSSL's SM2 signature provider runs the bare primitive on its input. */
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_pkey(NULL, key, NULL);
    if (ctx != NULL && EVP_PKEY_sign_init(ctx) > 0 && EVP_PKEY_sign(ctx, der, &derlen, e, 32) > 0
            && (sig = d2i_ECDSA_SIG(NULL, &p, (long) derlen)) != NULL
            && BN_bn2binpad(ECDSA_SIG_get0_r(sig), r, 32) == 32
            && BN_bn2binpad(ECDSA_SIG_get0_s(sig), s, 32) == 32) {
        rc = SDR_OK;
    }
    ECDSA_SIG_free(sig);
    EVP_PKEY_CTX_free(ctx);
    return rc;
}

int sdft_sm2_verify(EVP_PKEY *key, const unsigned char e[32], const unsigned char r[32], const unsigned char s[32])
{
    int rc = SDR_VERIFYERR;
    unsigned char *der = NULL;
    int derlen;
    EVP_PKEY_CTX *ctx = NULL;
    ECDSA_SIG *sig = ECDSA_SIG_new();
    BIGNUM *br = BN_bin2bn(r, 32, NULL);
    BIGNUM *bs = BN_bin2bn(s, 32, NULL);
    if (sig == NULL || br == NULL || bs == NULL || !ECDSA_SIG_set0(sig, br, bs)) {
        BN_free(br);
        BN_free(bs);
        ECDSA_SIG_free(sig);
        return SDR_UNKNOWERR;
    }
    derlen = i2d_ECDSA_SIG(sig, &der);
    ctx = EVP_PKEY_CTX_new_from_pkey(NULL, key, NULL);
    if (derlen > 0 && ctx != NULL && EVP_PKEY_verify_init(ctx) > 0
            && EVP_PKEY_verify(ctx, der, (size_t) derlen, e, 32) == 1) {
        rc = SDR_OK;
    }
    EVP_PKEY_CTX_free(ctx);
    OPENSSL_free(der);
    ECDSA_SIG_free(sig);
    return rc;
}

int sdft_sm2_encrypt(EVP_PKEY *key, const unsigned char *in, size_t len,
                     unsigned char x[32], unsigned char y[32], unsigned char c3[32], unsigned char *c2)
{
    int rc = SDR_PKOPERR;
    unsigned char *der = NULL;
    size_t derlen = 0;
    const unsigned char *p;
    SDFT_SM2_CIPHER *c = NULL;
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_pkey(NULL, key, NULL);
    if (ctx == NULL || EVP_PKEY_encrypt_init(ctx) <= 0 || EVP_PKEY_encrypt(ctx, NULL, &derlen, in, len) <= 0
            || (der = OPENSSL_malloc(derlen)) == NULL || EVP_PKEY_encrypt(ctx, der, &derlen, in, len) <= 0) {
        goto done;
    }
    p = der;
    c = d2i_SDFT_SM2_CIPHER(NULL, &p, (long) derlen);
    if (c != NULL && ASN1_STRING_length(c->hash) == 32 && (size_t) ASN1_STRING_length(c->ct) == len
            && BN_bn2binpad(c->x, x, 32) == 32 && BN_bn2binpad(c->y, y, 32) == 32) {
        memcpy(c3, ASN1_STRING_get0_data(c->hash), 32);
        memcpy(c2, ASN1_STRING_get0_data(c->ct), len);
        rc = SDR_OK;
    }
done:
    SDFT_SM2_CIPHER_free(c);
    OPENSSL_free(der);
    EVP_PKEY_CTX_free(ctx);
    return rc;
}

int sdft_sm2_decrypt(EVP_PKEY *key, const unsigned char x[32], const unsigned char y[32], const unsigned char c3[32],
                     const unsigned char *c2, size_t len, unsigned char *out, size_t *outlen)
{
    int rc = SDR_ENCDATAERR;
    unsigned char *der = NULL;
    int derlen;
    EVP_PKEY_CTX *ctx = NULL;
    SDFT_SM2_CIPHER *c = SDFT_SM2_CIPHER_new();
    if (c == NULL || BN_bin2bn(x, 32, c->x) == NULL || BN_bin2bn(y, 32, c->y) == NULL
            || !ASN1_OCTET_STRING_set(c->hash, c3, 32) || !ASN1_OCTET_STRING_set(c->ct, c2, (int) len)
            || (derlen = i2d_SDFT_SM2_CIPHER(c, &der)) <= 0) {
        rc = SDR_UNKNOWERR;
        goto done;
    }
    ctx = EVP_PKEY_CTX_new_from_pkey(NULL, key, NULL);
    *outlen = len;
    /* OpenSSL checks that C1 is on the curve and that C3 matches; any failure means bad ciphertext. */
    if (ctx != NULL && EVP_PKEY_decrypt_init(ctx) > 0
            && EVP_PKEY_decrypt(ctx, out, outlen, der, (size_t) derlen) > 0) {
        rc = SDR_OK;
    }
done:
    EVP_PKEY_CTX_free(ctx);
    OPENSSL_free(der);
    SDFT_SM2_CIPHER_free(c);
    return rc;
}

int sdft_sm3(const unsigned char *a, size_t alen, const unsigned char *b, size_t blen, unsigned char out[32])
{
    int ok;
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    ok = ctx != NULL && EVP_DigestInit_ex(ctx, EVP_sm3(), NULL) && EVP_DigestUpdate(ctx, a, alen)
            && EVP_DigestUpdate(ctx, b, blen) && EVP_DigestFinal_ex(ctx, out, NULL);
    EVP_MD_CTX_free(ctx);
    return ok ? SDR_OK : SDR_UNKNOWERR;
}
