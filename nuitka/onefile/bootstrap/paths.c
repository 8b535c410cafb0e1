/* Onefile bootstrap: the extraction folder (spec expansion, safety checks). */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "onefile.h"

typedef struct {
    char *data;
    size_t len, cap;
} Buffer;

static void buffer_add(Buffer *b, const char *text, size_t len) {
    if (b->len + len + 1 > b->cap) {
        size_t cap = (b->len + len + 1) * 2;
        char *data = xmalloc(cap);
        if (b->data) {
            memcpy(data, b->data, b->len);
            free(b->data);
        }
        b->data = data;
        b->cap = cap;
    }
    memcpy(b->data + b->len, text, len);
    b->len += len;
    b->data[b->len] = 0;
}

static void buffer_adds(Buffer *b, const char *text) { buffer_add(b, text, strlen(text)); }

static const char *absolute_env(const char *name) {
    const char *value = getenv(name);
    return (value != NULL && value[0] == '/') ? value : NULL;
}

static const char *home_dir(void) {
    const char *home = absolute_env("HOME");
    if (home == NULL) {
        struct passwd *pw = getpwuid(geteuid());
        if (pw == NULL || pw->pw_dir == NULL || pw->pw_dir[0] != '/') {
            fatal("cannot tell the home folder for {HOME}/{CACHE_DIR}: set HOME");
        }
        home = pw->pw_dir;
    }
    return home;
}

static const char *meta_value(const char *value, const char *token) {
    if (value == NULL || value[0] == 0) {
        /* The compiler refuses such specs; a hand-made payload may not. */
        fatal("the extraction folder spec uses %s but no value was compiled in", token);
    }
    return value;
}

/* Expands the tokens of the spec (nuitka/onefile/spec.py has the same
 * table); a relative result is taken from the onefile's folder.  A spec
 * with {PID} or {TIME} names a temporary extraction, otherwise a cache. */
char *expand_spec(const Onefile *onefile, int *is_temporary) {
    const char *spec = onefile->meta.spec;
    Buffer out = {0};
    char number[32];
    *is_temporary = 0;

    while (*spec) {
        if (*spec != '{') {
            if (*spec == '}') {
                fatal("extraction folder spec '%s': '}' without '{'", onefile->meta.spec);
            }
            buffer_add(&out, spec, 1);
            spec++;
            continue;
        }
        const char *end = strchr(spec, '}');
        if (end == NULL) {
            fatal("extraction folder spec '%s': '{' without '}'", onefile->meta.spec);
        }
        size_t len = end - spec + 1;
        const char *token = strndupa(spec, len);
        spec = end + 1;

        if (strcmp(token, "{TEMP}") == 0) {
            const char *temp = absolute_env("TMPDIR");
            buffer_adds(&out, temp ? temp : "/tmp");
        } else if (strcmp(token, "{PID}") == 0) {
            snprintf(number, sizeof(number), "%ld", (long)getpid());
            buffer_adds(&out, number);
            *is_temporary = 1;
        } else if (strcmp(token, "{TIME}") == 0) {
            snprintf(number, sizeof(number), "%lld", (long long)time(NULL));
            buffer_adds(&out, number);
            *is_temporary = 1;
        } else if (strcmp(token, "{PROGRAM}") == 0) {
            buffer_adds(&out, onefile->self_path);
        } else if (strcmp(token, "{PROGRAM_BASE}") == 0) {
            const char *base = strrchr(onefile->self_path, '/') + 1;
            const char *dot = strrchr(base, '.');
            size_t keep = (dot != NULL && dot != base) ? (size_t)(dot - onefile->self_path)
                                                       : strlen(onefile->self_path);
            buffer_add(&out, onefile->self_path, keep);
        } else if (strcmp(token, "{CACHE_DIR}") == 0) {
            const char *cache = absolute_env("XDG_CACHE_HOME");
            if (cache != NULL) {
                buffer_adds(&out, cache);
            } else {
                buffer_adds(&out, home_dir());
                buffer_adds(&out, "/.cache");
            }
        } else if (strcmp(token, "{HOME}") == 0) {
            buffer_adds(&out, home_dir());
        } else if (strcmp(token, "{COMPANY}") == 0) {
            buffer_adds(&out, meta_value(onefile->meta.company, token));
        } else if (strcmp(token, "{PRODUCT}") == 0) {
            buffer_adds(&out, meta_value(onefile->meta.product, token));
        } else if (strcmp(token, "{VERSION}") == 0) {
            buffer_adds(&out, meta_value(onefile->meta.version, token));
        } else {
            /* {NONE} and {NULL} name no file: fine for outputs, not here. */
            fatal("extraction folder spec '%s': token %s cannot be used there",
                  onefile->meta.spec, token);
        }
    }
    if (out.len == 0) {
        fatal("the extraction folder spec '%s' expands to nothing", onefile->meta.spec);
    }

    Buffer path = {0};
    if (out.data[0] != '/') {
        const char *slash = strrchr(onefile->self_path, '/');
        buffer_add(&path, onefile->self_path, slash - onefile->self_path + 1);
    }
    /* Collapse "//" and drop a trailing "/". */
    for (size_t i = 0; i < out.len; i++) {
        if (out.data[i] == '/' && path.len > 0 && path.data[path.len - 1] == '/') {
            continue;
        }
        buffer_add(&path, out.data + i, 1);
    }
    while (path.len > 1 && path.data[path.len - 1] == '/') {
        path.data[--path.len] = 0;
    }
    free(out.data);
    const char *last = strrchr(path.data, '/') + 1;
    if (path.len == 1 || strcmp(last, ".") == 0 || strcmp(last, "..") == 0) {
        fatal("the extraction folder spec '%s' expands to '%s', which cannot be "
              "an extraction folder; change --onefile-tempdir-spec",
              onefile->meta.spec, path.data);
    }
    return path.data;
}

/* mkdir -p of the folders above path; the ones made here are private. */
void make_parent_dirs(const char *path) {
    char *copy = xstrdup(path);
    for (char *p = copy + 1; *p; p++) {
        if (*p == '/') {
            *p = 0;
            if (mkdir(copy, 0700) != 0 && errno != EEXIST) {
                fatal("cannot create folder '%s': %s", copy, strerror(errno));
            }
            *p = '/';
        }
    }
    free(copy);
}

static int dir_is_empty(int dir_fd) {
    int fd = dup(dir_fd);
    DIR *dir = fd >= 0 ? fdopendir(fd) : NULL;
    if (dir == NULL) {
        if (fd >= 0) {
            close(fd);
        }
        return 0;
    }
    struct dirent *entry;
    int empty = 1;
    while ((entry = readdir(dir)) != NULL) {
        if (strcmp(entry->d_name, ".") != 0 && strcmp(entry->d_name, "..") != 0) {
            empty = 0;
            break;
        }
    }
    closedir(dir);
    return empty;
}

enum ExtractionState check_extraction(const char *path, const char *marker) {
    struct stat st, fst;
    if (lstat(path, &st) != 0) {
        if (errno == ENOENT) {
            return EXTRACTION_ABSENT;
        }
        fatal("cannot use extraction folder '%s': %s", path, strerror(errno));
    }
    if (S_ISLNK(st.st_mode)) {
        fatal("refusing extraction folder '%s': it is a symbolic link; remove it "
              "or change --onefile-tempdir-spec",
              path);
    }
    if (!S_ISDIR(st.st_mode)) {
        fatal("refusing extraction folder '%s': it exists and is not a folder", path);
    }
    if (st.st_uid != geteuid()) {
        fatal("refusing extraction folder '%s': it belongs to another user (uid %ld); "
              "remove it or change --onefile-tempdir-spec",
              path, (long)st.st_uid);
    }
    if (st.st_mode & 022) {
        fatal("refusing extraction folder '%s': it is writable by other users "
              "(mode %03o); remove it",
              path, (unsigned)(st.st_mode & 0777));
    }
    int dir_fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (dir_fd < 0 || fstat(dir_fd, &fst) != 0 || fst.st_ino != st.st_ino ||
        fst.st_dev != st.st_dev) {
        /* Replaced between the two looks: only a concurrent start does that. */
        if (dir_fd >= 0) {
            close(dir_fd);
        }
        return EXTRACTION_ABSENT;
    }

    char text[512];
    ssize_t got = -1;
    int marker_fd = openat(dir_fd, ONEFILE_MARKER_NAME, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (marker_fd >= 0) {
        got = read(marker_fd, text, sizeof(text) - 1);
        close(marker_fd);
    }
    enum ExtractionState result;
    if (got >= 0) {
        text[got] = 0;
        if (marker != NULL && strcmp(text, marker) == 0) {
            result = EXTRACTION_READY;
        } else if (strncmp(text, ONEFILE_MARKER_PREFIX, strlen(ONEFILE_MARKER_PREFIX)) == 0) {
            result = EXTRACTION_REPLACEABLE; /* another build's, or unfinished */
        } else {
            got = -1;
        }
    }
    if (got < 0) {
        if (!dir_is_empty(dir_fd)) {
            close(dir_fd);
            fatal("refusing extraction folder '%s': it is not empty and was not made "
                  "by a onefile program; remove it or change --onefile-tempdir-spec",
                  path);
        }
        result = EXTRACTION_REPLACEABLE;
    }
    close(dir_fd);
    return result;
}

/* Removes "<path>.tmp-PID-*" / "<path>.old-PID-*" left by starts that were
 * killed (their PID is gone) more than a minute ago. */
void remove_dead_siblings(const char *path) {
    char *parent = xstrdup(path);
    char *slash = strrchr(parent, '/');
    const char *base = slash + 1;
    *slash = 0;
    size_t base_len = strlen(base);
    DIR *dir = opendir(slash == parent ? "/" : parent);
    if (dir == NULL) {
        free(parent);
        return;
    }
    struct dirent *entry;
    time_t now = time(NULL);
    while ((entry = readdir(dir)) != NULL) {
        const char *name = entry->d_name;
        if (strncmp(name, base, base_len) != 0 ||
            (strncmp(name + base_len, ".tmp-", 5) != 0 &&
             strncmp(name + base_len, ".old-", 5) != 0)) {
            continue;
        }
        long pid = strtol(name + base_len + 5, NULL, 10);
        struct stat st;
        char *full = xasprintf("%s/%s", slash == parent ? "" : parent, name);
        if (pid > 0 && pid != getpid() && kill((pid_t)pid, 0) != 0 && errno == ESRCH &&
            lstat(full, &st) == 0 && S_ISDIR(st.st_mode) && st.st_uid == geteuid() &&
            now - st.st_mtime > 60) {
            remove_tree(full);
        }
        free(full);
    }
    closedir(dir);
    free(parent);
}
