/* SM4 ECB/CBC as SDF_Encrypt/SDF_Decrypt define them: whole blocks only, no padding, IV returned updated. */
#include <string.h>
#include <openssl/evp.h>

#include "sdf.h"
#include "sdftest.h"

int sdft_sm4(int encrypt, unsigned int alg, const unsigned char key[16], unsigned char *iv,
             const unsigned char *in, unsigned int len, unsigned char *out)
{
    int rc = SDR_SYMOPERR;
    int n = 0;
    int fin = 0;
    unsigned char next_iv[16];
    const EVP_CIPHER *cipher;
    EVP_CIPHER_CTX *ctx;
    if (alg == SGD_SM4_ECB) {
        cipher = EVP_sm4_ecb();
    } else if (alg == SGD_SM4_CBC) {
        if (iv == NULL) {
            return SDR_INARGERR;
        }
        cipher = EVP_sm4_cbc();
    } else {
        return SDR_ALGNOTSUPPORT;
    }
    if (in == NULL || out == NULL || len == 0 || len % 16 != 0 || len > (unsigned int) 0x7fffffff) {
        return SDR_INARGERR;
    }
    if (alg == SGD_SM4_CBC && !encrypt) {
        /* the last ciphertext block chains into the next call; save it before out may overwrite in */
        memcpy(next_iv, in + len - 16, 16);
    }
    ctx = EVP_CIPHER_CTX_new();
    if (ctx != NULL && EVP_CipherInit_ex(ctx, cipher, NULL, key, alg == SGD_SM4_CBC ? iv : NULL, encrypt)
            && EVP_CIPHER_CTX_set_padding(ctx, 0)
            && EVP_CipherUpdate(ctx, out, &n, in, (int) len) && EVP_CipherFinal_ex(ctx, out + n, &fin)
            && (unsigned int) (n + fin) == len) {
        rc = SDR_OK;
        if (alg == SGD_SM4_CBC) {
            memcpy(iv, encrypt ? out + len - 16 : next_iv, 16);
        }
    }
    EVP_CIPHER_CTX_free(ctx);
    return rc;
}
