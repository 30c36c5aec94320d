/*
 * Internals of the TEST GM/T 0018 library: key store and SM2/SM4 helpers over OpenSSL 3 libcrypto.
 * Not a cipher machine: private keys sit in a clear-text file (see docs/SDF.md).
 */
#ifndef SDFTEST_H
#define SDFTEST_H

#include <stddef.h>
#include <openssl/evp.h>

#define SDFT_KEYSTORE_ENV "SDF_TEST_KEYSTORE"
#define SDFT_MAX_INDEX 65535u
#define SDFT_SM2_MAX_PLAIN (136u * 1024u)

/* Key store (sdftest_store.c); every function takes the store mutex itself. */
int sdft_store_acquire(void);
void sdft_store_release(void);
/* Returns a new reference to the signing (enc == 0) or encryption key pair; caller frees it. */
int sdft_ecc_key(unsigned int index, int enc, EVP_PKEY **key);
int sdft_ecc_public(unsigned int index, int enc, unsigned char pub[65]);
int sdft_ecc_check_password(unsigned int index, const unsigned char *pwd, unsigned int len);
int sdft_ecc_generate(unsigned int first, unsigned int last, const unsigned char *pwd, unsigned int len,
                      unsigned int *index);
int sdft_kek(unsigned int index, unsigned char kek[16]);
int sdft_kek_generate(unsigned int first, unsigned int last, unsigned int *index);

/* SM2 over EVP (sdftest_sm2.c). Functions return SDR_* codes. */
EVP_PKEY *sdft_sm2_from_scalar(const unsigned char d[32], unsigned char pub[65]);
EVP_PKEY *sdft_sm2_from_public(const unsigned char pub[65]);
int sdft_sm2_random_scalar(unsigned char d[32]);
int sdft_sm2_sign(EVP_PKEY *key, const unsigned char e[32], unsigned char r[32], unsigned char s[32]);
int sdft_sm2_verify(EVP_PKEY *key, const unsigned char e[32], const unsigned char r[32], const unsigned char s[32]);
/* c3 = SM3(x2 || m || y2), c2 same length as the plaintext */
int sdft_sm2_encrypt(EVP_PKEY *key, const unsigned char *in, size_t len,
                     unsigned char x[32], unsigned char y[32], unsigned char c3[32], unsigned char *c2);
int sdft_sm2_decrypt(EVP_PKEY *key, const unsigned char x[32], const unsigned char y[32], const unsigned char c3[32],
                     const unsigned char *c2, size_t len, unsigned char *out, size_t *outlen);

/* SM4 ECB/CBC without padding (sdftest_sm4.c); iv is updated for CBC chaining. */
int sdft_sm4(int encrypt, unsigned int alg, const unsigned char key[16], unsigned char *iv,
             const unsigned char *in, unsigned int len, unsigned char *out);

int sdft_sm3(const unsigned char *a, size_t alen, const unsigned char *b, size_t blen, unsigned char out[32]);

#endif
