/* Onefile bootstrap: payload check and extraction. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <zstd.h>

#include "onefile.h"

#define MAX_NAME 4096
#define OUT_CHUNK (256 * 1024)

void verify_payload(const Onefile *onefile) {
    const OnefileTrailer *t = &onefile->trailer;
    uint32_t crc = crc32_update(0, onefile->map + t->payload_offset,
                                t->meta_size + t->stream_size);
    if (crc != t->payload_crc) {
        fatal("'%s' is damaged (payload checksum mismatch): the file was altered "
              "or not copied completely; copy or build it again",
              onefile->self_path);
    }
}

/* The uncompressed stream, read in pieces. */
typedef struct {
    const Onefile *onefile;
    ZSTD_DCtx *dctx;
    ZSTD_inBuffer in;
    unsigned char *buf;
    size_t pos, end;
    size_t last_ret; /* of ZSTD_decompressStream: 0 = frame complete */
    uint64_t delivered;
} Reader;

static _Noreturn void damaged(const Reader *r, const char *what) {
    fatal("'%s' is damaged (%s); copy or build it again", r->onefile->self_path, what);
}

/* Points *data at up to max next bytes of the stream and returns how many. */
static size_t reader_next(Reader *r, const unsigned char **data, size_t max) {
    const OnefileTrailer *t = &r->onefile->trailer;
    size_t got;
    if (r->dctx == NULL) {
        /* Stored uncompressed: hand out the mapped bytes themselves. */
        uint64_t left = t->raw_size - r->delivered;
        got = max < left ? max : (size_t)left;
        *data = (const unsigned char *)r->in.src + r->delivered;
    } else {
        while (r->pos == r->end) {
            if (r->in.pos == r->in.size && r->last_ret == 0) {
                break; /* input used up and frame finished */
            }
            ZSTD_outBuffer out = {r->buf, OUT_CHUNK, 0};
            r->last_ret = ZSTD_decompressStream(r->dctx, &out, &r->in);
            if (ZSTD_isError(r->last_ret)) {
                damaged(r, ZSTD_getErrorName(r->last_ret));
            }
            r->pos = 0;
            r->end = out.pos;
            if (out.pos == 0 && r->in.pos == r->in.size && r->last_ret != 0) {
                damaged(r, "compressed data ends early");
            }
        }
        got = r->end - r->pos;
        if (got > max) {
            got = max;
        }
        *data = r->buf + r->pos;
        r->pos += got;
    }
    r->delivered += got;
    if (r->delivered > t->raw_size) {
        damaged(r, "more data than announced");
    }
    if (got == 0 && max > 0) {
        damaged(r, "data ends early");
    }
    return got;
}

static void read_exact(Reader *r, void *dst, size_t size) {
    while (size > 0) {
        const unsigned char *data;
        size_t got = reader_next(r, &data, size);
        memcpy(dst, data, got);
        dst = (char *)dst + got;
        size -= got;
    }
}

static void write_all(int fd, const unsigned char *data, size_t size, const char *path) {
    while (size > 0) {
        ssize_t done = write(fd, data, size);
        if (done < 0) {
            if (errno == EINTR) {
                continue;
            }
            fatal("cannot write '%s': %s", path, strerror(errno));
        }
        data += done;
        size -= done;
    }
}

/* Relative, '/' separated, no empty, "." or ".." parts. */
static int path_is_safe(const char *path) {
    if (path[0] == 0 || path[0] == '/') {
        return 0;
    }
    for (const char *part = path; part != NULL;) {
        const char *slash = strchr(part, '/');
        size_t len = slash ? (size_t)(slash - part) : strlen(part);
        if (len == 0 || (len == 1 && part[0] == '.') ||
            (len == 2 && part[0] == '.' && part[1] == '.')) {
            return 0;
        }
        part = slash ? slash + 1 : NULL;
    }
    return 1;
}

/* A relative link target that stays inside the extraction folder. */
static int link_is_safe(const char *path, const char *target) {
    if (target[0] == 0 || target[0] == '/') {
        return 0;
    }
    int depth = 0;
    for (const char *p = path; *p; p++) {
        depth += *p == '/';
    }
    for (const char *part = target; part != NULL;) {
        const char *slash = strchr(part, '/');
        size_t len = slash ? (size_t)(slash - part) : strlen(part);
        if (len == 2 && part[0] == '.' && part[1] == '.') {
            if (--depth < 0) {
                return 0;
            }
        } else if (len > 0 && !(len == 1 && part[0] == '.')) {
            depth++;
        }
        part = slash ? slash + 1 : NULL;
    }
    return 1;
}

void extract_payload(const Onefile *onefile, const char *target_dir) {
    const OnefileTrailer *t = &onefile->trailer;
    Reader r = {onefile, NULL, {NULL, 0, 0}, NULL, 0, 0, 0, 0};
    r.in.src = onefile->map + t->payload_offset + t->meta_size;
    r.in.size = t->stream_size;
    if (t->flags & ONEFILE_FLAG_ZSTD) {
        r.dctx = ZSTD_createDCtx();
        r.buf = xmalloc(OUT_CHUNK);
        r.last_ret = 1;
        if (r.dctx == NULL) {
            fatal("out of memory");
        }
    } else if (t->stream_size != t->raw_size) {
        damaged(&r, "size mismatch");
    }

    int root = open(target_dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (root < 0) {
        fatal("cannot open '%s': %s", target_dir, strerror(errno));
    }
    char *name = xmalloc(MAX_NAME + 1);
    char *link_target = xmalloc(MAX_NAME + 1);
    int links_seen = 0;
    uint64_t count = 0;

    for (;; count++) {
        unsigned char header[ONEFILE_ENTRY_HEADER_SIZE];
        read_exact(&r, header, sizeof(header));
        int kind = header[0];
        unsigned mode = header[2] | header[3] << 8;
        uint32_t name_len = get_u32(header + 4);
        uint64_t size = get_u64(header + 8);
        struct timespec times[2];
        times[0].tv_sec = times[1].tv_sec = (time_t)(int64_t)get_u64(header + 16);
        times[0].tv_nsec = times[1].tv_nsec = get_u32(header + 24);

        if (kind == 'E') {
            if (size != count || r.delivered != t->raw_size ||
                (r.dctx != NULL &&
                 (r.pos != r.end || r.in.pos != r.in.size || r.last_ret != 0))) {
                damaged(&r, "bad end of data");
            }
            break;
        }
        if (name_len == 0 || name_len > MAX_NAME || times[0].tv_nsec >= 1000000000) {
            damaged(&r, "bad entry");
        }
        read_exact(&r, name, name_len);
        name[name_len] = 0;
        if (strlen(name) != name_len || !path_is_safe(name)) {
            damaged(&r, "bad file name");
        }
        check_interrupt();

        if (kind == 'D') {
            if (links_seen || mkdirat(root, name, (mode & 0755) | 0700) != 0) {
                fatal("cannot create folder '%s/%s': %s", target_dir, name,
                      links_seen ? "unexpected entry order" : strerror(errno));
            }
        } else if (kind == 'F') {
            int fd = links_seen ? -1
                                : openat(root, name,
                                         O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                                         (mode & 0755) | 0600);
            if (fd < 0) {
                fatal("cannot create file '%s/%s': %s", target_dir, name,
                      links_seen ? "unexpected entry order" : strerror(errno));
            }
            while (size > 0) {
                const unsigned char *data;
                size_t got = reader_next(&r, &data, size > OUT_CHUNK ? OUT_CHUNK : size);
                write_all(fd, data, got, name);
                size -= got;
            }
            futimens(fd, times);
            if (close(fd) != 0) {
                fatal("cannot write '%s/%s': %s", target_dir, name, strerror(errno));
            }
        } else if (kind == 'L') {
            links_seen = 1;
            if (size == 0 || size > MAX_NAME) {
                damaged(&r, "bad link");
            }
            read_exact(&r, link_target, size);
            link_target[size] = 0;
            if (strlen(link_target) != size || !link_is_safe(name, link_target)) {
                damaged(&r, "bad link target");
            }
            if (symlinkat(link_target, root, name) != 0) {
                fatal("cannot create link '%s/%s': %s", target_dir, name, strerror(errno));
            }
        } else {
            damaged(&r, "unknown entry kind");
        }
    }
    close(root);
    free(name);
    free(link_target);
    free(r.buf);
    ZSTD_freeDCtx(r.dctx);
}

char *make_marker_text(const Onefile *onefile) {
    char hex[ONEFILE_TRAILER_SIZE * 2 + 1];
    for (int i = 0; i < ONEFILE_TRAILER_SIZE; i++) {
        snprintf(hex + 2 * i, 3, "%02x", onefile->trailer.raw[i]);
    }
    return xasprintf("%s%d %s\n", ONEFILE_MARKER_PREFIX, ONEFILE_FORMAT_VERSION, hex);
}

void write_marker(const char *dir, const char *text) {
    char *path = xasprintf("%s/%s", dir, ONEFILE_MARKER_NAME);
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) {
        fatal("cannot create '%s': %s", path, strerror(errno));
    }
    write_all(fd, (const unsigned char *)text, strlen(text), path);
    if (close(fd) != 0) {
        fatal("cannot write '%s': %s", path, strerror(errno));
    }
    free(path);
}
