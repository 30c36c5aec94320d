/*
 * The test library's key store: one per process, shared by every open device handle, loaded from the file named by
 * $SDF_TEST_KEYSTORE when the first device opens and rewritten (temp file + rename) after every change.
 * TEST ONLY: private keys and KEKs are stored in clear; passwords as salted SM3.
 *
 * File format, one key per line:
 *   SDFTEST-KEYSTORE 1
 *   ecc <index> <salt hex 16 B> <SM3(salt||password) hex> <sign d hex> <enc d hex>
 *   kek <index> <key hex 16 B>
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>

#include "sdf.h"
#include "sdftest.h"

#define HEADER "SDFTEST-KEYSTORE 1"

typedef struct {
    unsigned int index;
    unsigned char salt[16];
    unsigned char pwhash[32];
    unsigned char d[2][32];      /* [0] signing, [1] encryption */
    unsigned char pub[2][65];
    EVP_PKEY *key[2];
} ecc_key;

typedef struct {
    unsigned int index;
    unsigned char key[16];
} kek_key;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int refs;
static char *path;
static ecc_key *eccs;
static size_t n_ecc;
static kek_key *keks;
static size_t n_kek;

static void clear_store(void)
{
    for (size_t i = 0; i < n_ecc; i++) {
        EVP_PKEY_free(eccs[i].key[0]);
        EVP_PKEY_free(eccs[i].key[1]);
    }
    OPENSSL_clear_free(eccs, n_ecc * sizeof *eccs);
    OPENSSL_clear_free(keks, n_kek * sizeof *keks);
    free(path);
    eccs = NULL;
    keks = NULL;
    path = NULL;
    n_ecc = n_kek = 0;
}

static int unhex(const char *hex, unsigned char *out, size_t len)
{
    if (strlen(hex) != 2 * len) {
        return 0;
    }
    for (size_t i = 0; i < len; i++) {
        unsigned int b;
        if (sscanf(hex + 2 * i, "%2x", &b) != 1) {
            return 0;
        }
        out[i] = (unsigned char) b;
    }
    return 1;
}

static void puthex(FILE *f, const unsigned char *b, size_t len)
{
    fputc(' ', f);
    for (size_t i = 0; i < len; i++) {
        fprintf(f, "%02x", b[i]);
    }
}

static ecc_key *find_ecc(unsigned int index)
{
    for (size_t i = 0; i < n_ecc; i++) {
        if (eccs[i].index == index) {
            return &eccs[i];
        }
    }
    return NULL;
}

static kek_key *find_kek(unsigned int index)
{
    for (size_t i = 0; i < n_kek; i++) {
        if (keks[i].index == index) {
            return &keks[i];
        }
    }
    return NULL;
}

static int add_ecc(const ecc_key *k)
{
    ecc_key *grown = realloc(eccs, (n_ecc + 1) * sizeof *eccs);
    if (grown == NULL) {
        return SDR_NOBUFFER;
    }
    eccs = grown;
    eccs[n_ecc] = *k;
    for (int i = 0; i < 2; i++) {
        eccs[n_ecc].key[i] = sdft_sm2_from_scalar(k->d[i], eccs[n_ecc].pub[i]);
        if (eccs[n_ecc].key[i] == NULL) {
            EVP_PKEY_free(eccs[n_ecc].key[0]);
            return SDR_KEYERR;
        }
    }
    n_ecc++;
    return SDR_OK;
}

static int add_kek(const kek_key *k)
{
    kek_key *grown = realloc(keks, (n_kek + 1) * sizeof *keks);
    if (grown == NULL) {
        return SDR_NOBUFFER;
    }
    keks = grown;
    keks[n_kek++] = *k;
    return SDR_OK;
}

static int save(void)
{
    size_t len = strlen(path) + 5;
    char *tmp = malloc(len);
    FILE *f;
    int ok;
    if (tmp == NULL) {
        return SDR_NOBUFFER;
    }
    snprintf(tmp, len, "%s.tmp", path);
    f = fopen(tmp, "w");
    if (f == NULL) {
        free(tmp);
        return SDR_HARDFAIL;
    }
    chmod(tmp, S_IRUSR | S_IWUSR);
    fprintf(f, "%s\n", HEADER);
    for (size_t i = 0; i < n_ecc; i++) {
        fprintf(f, "ecc %u", eccs[i].index);
        puthex(f, eccs[i].salt, 16);
        puthex(f, eccs[i].pwhash, 32);
        puthex(f, eccs[i].d[0], 32);
        puthex(f, eccs[i].d[1], 32);
        fputc('\n', f);
    }
    for (size_t i = 0; i < n_kek; i++) {
        fprintf(f, "kek %u", keks[i].index);
        puthex(f, keks[i].key, 16);
        fputc('\n', f);
    }
    ok = fflush(f) == 0 && fsync(fileno(f)) == 0;
    ok = fclose(f) == 0 && ok;
    ok = ok && rename(tmp, path) == 0;
    free(tmp);
    return ok ? SDR_OK : SDR_HARDFAIL;
}

static int load(void)
{
    char line[512];
    int rc = SDR_OK;
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        return errno == ENOENT ? save() : SDR_OPENDEVICE;
    }
    if (fgets(line, sizeof line, f) == NULL || strncmp(line, HEADER, strlen(HEADER)) != 0) {
        fclose(f);
        return SDR_OPENDEVICE;
    }
    while (rc == SDR_OK && fgets(line, sizeof line, f) != NULL) {
        char type[4], a[80], b[80], c[80], d[80];
        unsigned int index;
        int n = sscanf(line, "%3s %u %79s %79s %79s %79s", type, &index, a, b, c, d);
        if (n == 6 && strcmp(type, "ecc") == 0) {
            ecc_key k;
            memset(&k, 0, sizeof k);
            k.index = index;
            rc = unhex(a, k.salt, 16) && unhex(b, k.pwhash, 32) && unhex(c, k.d[0], 32) && unhex(d, k.d[1], 32)
                    ? add_ecc(&k) : SDR_OPENDEVICE;
            OPENSSL_cleanse(&k, sizeof k);
        } else if (n == 3 && strcmp(type, "kek") == 0) {
            kek_key k;
            k.index = index;
            rc = unhex(a, k.key, 16) ? add_kek(&k) : SDR_OPENDEVICE;
            OPENSSL_cleanse(&k, sizeof k);
        } else if (n > 0) {
            rc = SDR_OPENDEVICE;
        }
    }
    fclose(f);
    return rc;
}

int sdft_store_acquire(void)
{
    int rc = SDR_OK;
    pthread_mutex_lock(&lock);
    if (refs == 0) {
        const char *p = getenv(SDFT_KEYSTORE_ENV);
        if (p == NULL || *p == '\0' || (path = strdup(p)) == NULL) {
            rc = SDR_OPENDEVICE;
        } else if (load() != SDR_OK) {
            rc = SDR_OPENDEVICE; /* unreadable, corrupt or uncreatable key store */
        }
        if (rc != SDR_OK) {
            clear_store();
        }
    }
    if (rc == SDR_OK) {
        refs++;
    }
    pthread_mutex_unlock(&lock);
    return rc;
}

void sdft_store_release(void)
{
    pthread_mutex_lock(&lock);
    if (refs > 0 && --refs == 0) {
        clear_store();
    }
    pthread_mutex_unlock(&lock);
}

int sdft_ecc_key(unsigned int index, int enc, EVP_PKEY **key)
{
    int rc = SDR_KEYNOTEXIST;
    pthread_mutex_lock(&lock);
    ecc_key *k = find_ecc(index);
    if (k != NULL && EVP_PKEY_up_ref(k->key[enc ? 1 : 0])) {
        *key = k->key[enc ? 1 : 0];
        rc = SDR_OK;
    }
    pthread_mutex_unlock(&lock);
    return rc;
}

int sdft_ecc_public(unsigned int index, int enc, unsigned char pub[65])
{
    int rc = SDR_KEYNOTEXIST;
    pthread_mutex_lock(&lock);
    ecc_key *k = find_ecc(index);
    if (k != NULL) {
        memcpy(pub, k->pub[enc ? 1 : 0], 65);
        rc = SDR_OK;
    }
    pthread_mutex_unlock(&lock);
    return rc;
}

int sdft_ecc_check_password(unsigned int index, const unsigned char *pwd, unsigned int len)
{
    int rc = SDR_KEYNOTEXIST;
    unsigned char salt[16], expected[32], actual[32];
    pthread_mutex_lock(&lock);
    ecc_key *k = find_ecc(index);
    if (k != NULL) {
        memcpy(salt, k->salt, 16);
        memcpy(expected, k->pwhash, 32);
    }
    pthread_mutex_unlock(&lock);
    if (k != NULL) {
        rc = sdft_sm3(salt, 16, pwd, len, actual);
        if (rc == SDR_OK && CRYPTO_memcmp(actual, expected, 32) != 0) {
            rc = SDR_PRKRERR;
        }
    }
    return rc;
}

int sdft_ecc_generate(unsigned int first, unsigned int last, const unsigned char *pwd, unsigned int len,
                      unsigned int *index)
{
    int rc = SDR_NOBUFFER;
    ecc_key k;
    memset(&k, 0, sizeof k);
    if (RAND_bytes(k.salt, 16) != 1 || sdft_sm3(k.salt, 16, pwd, len, k.pwhash) != SDR_OK
            || sdft_sm2_random_scalar(k.d[0]) != SDR_OK || sdft_sm2_random_scalar(k.d[1]) != SDR_OK) {
        return SDR_RANDERR;
    }
    pthread_mutex_lock(&lock);
    for (unsigned int i = first; i <= last; i++) {
        if (find_ecc(i) == NULL) {
            k.index = i;
            rc = add_ecc(&k);
            if (rc == SDR_OK) {
                rc = save();
                *index = i;
            }
            break;
        }
        if (i == last) {
            break; /* do not wrap when last == UINT_MAX */
        }
    }
    pthread_mutex_unlock(&lock);
    OPENSSL_cleanse(&k, sizeof k);
    return rc;
}

int sdft_kek(unsigned int index, unsigned char kek[16])
{
    int rc = SDR_KEYNOTEXIST;
    pthread_mutex_lock(&lock);
    kek_key *k = find_kek(index);
    if (k != NULL) {
        memcpy(kek, k->key, 16);
        rc = SDR_OK;
    }
    pthread_mutex_unlock(&lock);
    return rc;
}

int sdft_kek_generate(unsigned int first, unsigned int last, unsigned int *index)
{
    int rc = SDR_NOBUFFER;
    kek_key k;
    if (RAND_priv_bytes(k.key, 16) != 1) {
        return SDR_RANDERR;
    }
    pthread_mutex_lock(&lock);
    for (unsigned int i = first; i <= last; i++) {
        if (find_kek(i) == NULL) {
            k.index = i;
            rc = add_kek(&k);
            if (rc == SDR_OK) {
                rc = save();
                *index = i;
            }
            break;
        }
        if (i == last) {
            break;
        }
    }
    pthread_mutex_unlock(&lock);
    OPENSSL_cleanse(&k, sizeof k);
    return rc;
}
