/* Onefile bootstrap: find the payload appended to this executable, extract
 * it (or reuse a cached extraction) and run the program inside.
 *
 * Temporary extraction ({PID} or {TIME} in the spec): see run.c; the
 * bootstrap forwards signals to the program and exits like it did, a
 * keeper process removes the folder once nothing runs from it any more.  Cached extraction: once the folder is there the
 * bootstrap execs the program, so signals, exit code and process id are the
 * program's own and nothing is left waiting.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "onefile.h"

static void load(Onefile *of) {
    char *self = xmalloc(PATH_MAX + 1);
    ssize_t len = readlink("/proc/self/exe", self, PATH_MAX);
    if (len <= 0 || self[0] != '/') {
        fatal("cannot find the own executable through /proc/self/exe (is /proc mounted?)");
    }
    self[len] = 0;
    of->self_path = self;
    const char *slash = strrchr(self, '/');
    of->program_name = slash + 1;
    onefile_set_program_name(of->program_name);

    int fd = open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        fatal("cannot read '%s': %s", self, strerror(errno));
    }
    if ((uint64_t)st.st_size < ONEFILE_TRAILER_SIZE) {
        fatal("'%s' carries no onefile payload", self);
    }
    of->map_size = st.st_size;
    of->map = mmap(NULL, of->map_size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (of->map == MAP_FAILED) {
        fatal("cannot read '%s': %s", self, strerror(errno));
    }
    close(fd);

    const unsigned char *t = of->map + of->map_size - ONEFILE_TRAILER_SIZE;
    OnefileTrailer *trailer = &of->trailer;
    memcpy(trailer->raw, t, ONEFILE_TRAILER_SIZE);
    if (memcmp(t, ONEFILE_MAGIC, 8) != 0) {
        fatal("'%s' is damaged (no payload at its end: the file was truncated or "
              "altered); copy or build it again",
              self);
    }
    trailer->version = get_u32(t + 8);
    if (trailer->version != ONEFILE_FORMAT_VERSION) {
        fatal("'%s' has payload format %u, this bootstrap reads %d", self,
              trailer->version, ONEFILE_FORMAT_VERSION);
    }
    trailer->flags = get_u32(t + 12);
    trailer->payload_offset = get_u64(t + 16);
    trailer->meta_size = get_u64(t + 24);
    trailer->stream_size = get_u64(t + 32);
    trailer->raw_size = get_u64(t + 40);
    trailer->payload_crc = get_u32(t + 48);
    uint32_t meta_crc = get_u32(t + 52);
    memcpy(trailer->build_id, t + 56, ONEFILE_BUILD_ID_SIZE);
    uint64_t end = trailer->payload_offset + trailer->meta_size + trailer->stream_size;
    if (crc32_update(0, t, 72) != get_u32(t + 72) || get_u32(t + 76) != 0 ||
        trailer->payload_offset > of->map_size || trailer->meta_size > of->map_size ||
        trailer->stream_size > of->map_size ||
        end + ONEFILE_TRAILER_SIZE != of->map_size || (trailer->flags & ~ONEFILE_FLAG_ZSTD)) {
        fatal("'%s' is damaged (bad trailer or size): copy or build it again", self);
    }

    /* The meta block is checked on every start: it names what to run. */
    const char *meta = (const char *)of->map + trailer->payload_offset;
    if (trailer->meta_size < 2 || meta[trailer->meta_size - 1] != 0 ||
        meta[trailer->meta_size - 2] != 0 ||
        crc32_update(0, (const unsigned char *)meta, trailer->meta_size) != meta_crc) {
        fatal("'%s' is damaged (meta data checksum mismatch); copy or build it again", self);
    }
    for (const char *p = meta; *p; p += strlen(p) + 1) {
        const char *eq = strchr(p, '=');
        if (eq == NULL) {
            continue;
        }
        size_t key_len = eq - p;
        const char **slot = NULL;
        if (key_len == 6 && memcmp(p, "binary", 6) == 0) {
            slot = &of->meta.binary;
        } else if (key_len == 4 && memcmp(p, "spec", 4) == 0) {
            slot = &of->meta.spec;
        } else if (key_len == 7 && memcmp(p, "company", 7) == 0) {
            slot = &of->meta.company;
        } else if (key_len == 7 && memcmp(p, "product", 7) == 0) {
            slot = &of->meta.product;
        } else if (key_len == 7 && memcmp(p, "version", 7) == 0) {
            slot = &of->meta.version;
        }
        if (slot != NULL) {
            *slot = eq + 1;
        }
    }
    if (of->meta.binary == NULL || of->meta.spec == NULL) {
        fatal("'%s' is damaged (meta data incomplete)", self);
    }
}

/* argv[0] for the program: a path of the onefile, as the caller named it
 * when that was a path, else found on PATH like the shell did. */
static const char *program_argv0(const Onefile *of, const char *argv0) {
    if (argv0 == NULL || argv0[0] == 0) {
        return of->self_path;
    }
    if (strchr(argv0, '/') != NULL) {
        return argv0;
    }
    struct stat self_st, st;
    const char *path = getenv("PATH");
    if (path == NULL || stat(of->self_path, &self_st) != 0) {
        return of->self_path;
    }
    while (1) {
        const char *colon = strchr(path, ':');
        size_t len = colon ? (size_t)(colon - path) : strlen(path);
        char *candidate = len ? xasprintf("%.*s/%s", (int)len, path, argv0)
                              : xasprintf("./%s", argv0);
        if (stat(candidate, &st) == 0 && st.st_dev == self_st.st_dev &&
            st.st_ino == self_st.st_ino) {
            return candidate;
        }
        free(candidate);
        if (colon == NULL) {
            return of->self_path;
        }
        path = colon + 1;
    }
}

static void set_environment(const Onefile *of) {
    char pid[32];
    snprintf(pid, sizeof(pid), "%ld", (long)getpid());
    if (setenv("NUITKA_ONEFILE_PARENT", pid, 1) != 0 ||
        setenv("NUITKA_ONEFILE_BINARY", of->self_path, 1) != 0) {
        fatal("out of memory");
    }
}

/* Cached mode: make sure target holds this payload, extracting it into a
 * private folder next to it and renaming that into place if needed. */
static void ensure_cached(const Onefile *of, const char *target, const char *marker) {
    if (check_extraction(target, marker) == EXTRACTION_READY) {
        return; /* the fast path: nothing written */
    }
    verify_payload(of);
    make_parent_dirs(target);
    remove_dead_siblings(target);
    char *tmp = xasprintf("%s.tmp-%ld-XXXXXX", target, (long)getpid());
    if (mkdtemp(tmp) == NULL) {
        fatal("cannot create folder '%s': %s", tmp, strerror(errno));
    }
    set_cleanup_dir(tmp);
    extract_payload(of, tmp);
    write_marker(tmp, marker); /* last: the folder is complete */
    check_interrupt();

    int placed = 0;
    for (int attempt = 0; attempt < 50 && !placed; attempt++) {
        if (rename(tmp, target) == 0) {
            placed = 1;
            break;
        }
        if (errno != EEXIST && errno != ENOTEMPTY && errno != ENOTDIR && errno != EISDIR) {
            fatal("cannot rename '%s' to '%s': %s", tmp, target, strerror(errno));
        }
        /* Someone else was there first. */
        enum ExtractionState state = check_extraction(target, marker);
        if (state == EXTRACTION_READY) {
            break;
        }
        if (state == EXTRACTION_REPLACEABLE) {
            char *old = xasprintf("%s.old-%ld-%d", target, (long)getpid(), attempt);
            if (rename(target, old) == 0) {
                remove_tree(old);
            }
            free(old);
        }
    }
    set_cleanup_dir(NULL);
    if (!placed) {
        remove_tree(tmp);
    }
    free(tmp);
    if (check_extraction(target, marker) != EXTRACTION_READY) {
        fatal("could not put the extraction into place at '%s' (other starts keep "
              "replacing it?)",
              target);
    }
}

/* Temporary mode: a fresh private folder, removed (by run.c) when the
 * program and what it left running have ended. */
static void extract_temporary(Onefile *of, const char *target) {
    verify_payload(of);
    make_parent_dirs(target);
    if (mkdir(target, 0700) != 0) {
        if (errno != EEXIST) {
            fatal("cannot create folder '%s': %s", target, strerror(errno));
        }
        /* Left by an earlier start with the same PID: ours, or empty. */
        check_extraction(target, NULL);
        if (remove_tree(target) != 0 || mkdir(target, 0700) != 0) {
            fatal("cannot create folder '%s': %s", target, strerror(errno));
        }
    }
    chmod(target, 0700); /* whatever the umask did */
    set_cleanup_dir(target);
    write_marker(target, ONEFILE_MARKER_PREFIX "1 temporary\n");
    extract_payload(of, target);
    munmap((void *)of->map, of->map_size);
    check_interrupt();
}

int main(int argc, char **argv) {
    static Onefile onefile;

    block_signals();

    load(&onefile);
    int temporary;
    char *target = expand_spec(&onefile, &temporary);
    char *child_path = xasprintf("%s/%s", target, onefile.meta.binary);
    /* The program's argv: ours, with argv[0] a path of the onefile. */
    char **child_argv = xmalloc((argc + 2) * sizeof(char *));
    child_argv[0] = (char *)program_argv0(&onefile, argc > 0 ? argv[0] : NULL);
    for (int i = 1; i <= argc; i++) {
        child_argv[i] = argv[i];
    }
    if (argc == 0) {
        child_argv[1] = NULL;
    }
    set_environment(&onefile);

    if (temporary) {
        extract_temporary(&onefile, target);
        run_temporary(&onefile, target, child_path, child_argv);
    }
    char *marker = make_marker_text(&onefile);
    ensure_cached(&onefile, target, marker);
    munmap((void *)onefile.map, onefile.map_size);
    restore_signal_mask();
    execv(child_path, child_argv);
    fatal("cannot run '%s': %s", child_path, strerror(errno));
}
