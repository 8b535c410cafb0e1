/* Onefile bootstrap: messages, memory, CRC-32, folder removal. */
#define _GNU_SOURCE
#include <errno.h>
#include <ftw.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "onefile.h"

static const char *program_name = "onefile";
static char *cleanup_dir;

void onefile_set_program_name(const char *name) { program_name = name; }

/* A folder that a fatal error removes first (a private extraction). */
void set_cleanup_dir(const char *path) {
    free(cleanup_dir);
    cleanup_dir = path ? xstrdup(path) : NULL;
}

/* Removes the folder set by set_cleanup_dir, if any. */
void run_cleanup(void) {
    if (cleanup_dir != NULL) {
        remove_tree(cleanup_dir);
        free(cleanup_dir);
        cleanup_dir = NULL;
    }
}

_Noreturn void fatal(const char *fmt, ...) {
    char message[2048];
    va_list args;
    va_start(args, fmt);
    vsnprintf(message, sizeof(message), fmt, args);
    va_end(args);
    run_cleanup();
    /* One line: who, what, and (in the callers' texts) what to do. */
    fprintf(stderr, "%s: onefile error: %s\n", program_name, message);
    exit(1);
}

void *xmalloc(size_t size) {
    void *result = malloc(size ? size : 1);
    if (result == NULL) {
        fatal("out of memory");
    }
    return result;
}

char *xstrdup(const char *text) {
    size_t size = strlen(text) + 1;
    char *result = xmalloc(size);
    memcpy(result, text, size);
    return result;
}

char *xasprintf(const char *fmt, ...) {
    char *result;
    va_list args;
    va_start(args, fmt);
    int rc = vasprintf(&result, fmt, args);
    va_end(args);
    if (rc < 0) {
        fatal("out of memory");
    }
    return result;
}

uint32_t get_u32(const unsigned char *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
           (uint32_t)p[3] << 24;
}

uint64_t get_u64(const unsigned char *p) {
    return (uint64_t)get_u32(p) | (uint64_t)get_u32(p + 4) << 32;
}

/* CRC-32 (IEEE, as zlib.crc32), eight bytes per step ("slicing by 8"):
 * a few GB/s, so checking a payload of some MB costs about a millisecond. */
static uint32_t crc_tables[8][256];

static void crc_init(void) {
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++) {
            c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        }
        crc_tables[0][i] = c;
    }
    for (uint32_t i = 0; i < 256; i++) {
        for (int t = 1; t < 8; t++) {
            uint32_t prev = crc_tables[t - 1][i];
            crc_tables[t][i] = (prev >> 8) ^ crc_tables[0][prev & 0xff];
        }
    }
}

uint32_t crc32_update(uint32_t crc, const unsigned char *data, size_t size) {
    if (crc_tables[0][1] == 0) {
        crc_init();
    }
    crc = ~crc;
    while (size >= 8) {
        uint32_t lo = get_u32(data) ^ crc;
        uint32_t hi = get_u32(data + 4);
        crc = crc_tables[7][lo & 0xff] ^ crc_tables[6][(lo >> 8) & 0xff] ^
              crc_tables[5][(lo >> 16) & 0xff] ^ crc_tables[4][lo >> 24] ^
              crc_tables[3][hi & 0xff] ^ crc_tables[2][(hi >> 8) & 0xff] ^
              crc_tables[1][(hi >> 16) & 0xff] ^ crc_tables[0][hi >> 24];
        data += 8;
        size -= 8;
    }
    while (size--) {
        crc = (crc >> 8) ^ crc_tables[0][(crc ^ *data++) & 0xff];
    }
    return ~crc;
}

static int remove_entry(const char *path, const struct stat *st, int flag,
                        struct FTW *ftw) {
    (void)st;
    (void)flag;
    (void)ftw;
    remove(path);
    return 0; /* keep going; the caller checks the result */
}

static int make_writable(const char *path, const struct stat *st, int flag,
                         struct FTW *ftw) {
    (void)ftw;
    if (flag == FTW_D && (st->st_mode & 0700) != 0700) {
        chmod(path, (st->st_mode & 07777) | 0700);
    }
    return 0;
}

/* rm -rf without following symbolic links; 0 when path is gone. */
int remove_tree(const char *path) {
    struct stat st;
    if (lstat(path, &st) != 0) {
        return errno == ENOENT ? 0 : -1;
    }
    if (!S_ISDIR(st.st_mode)) {
        return unlink(path);
    }
    nftw(path, remove_entry, 32, FTW_DEPTH | FTW_PHYS);
    if (lstat(path, &st) == 0) {
        /* The program may have left folders without write permission. */
        nftw(path, make_writable, 32, FTW_PHYS);
        nftw(path, remove_entry, 32, FTW_DEPTH | FTW_PHYS);
    }
    return lstat(path, &st) == 0 ? -1 : 0;
}
