/* Onefile bootstrap: shared declarations.
 *
 * The executable is this bootstrap followed by a payload:
 *
 *     [bootstrap ELF][meta block][stream (zstd or raw)][trailer, 80 bytes]
 *
 * The format is described in doc/developer-manual.rst ("Onefile") and written
 * by nuitka/onefile/payload.py; the constants here must match that file.
 */
#ifndef NUITKA_ONEFILE_H
#define NUITKA_ONEFILE_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define ONEFILE_MAGIC "NUITKAOF"
#define ONEFILE_FORMAT_VERSION 1
#define ONEFILE_FLAG_ZSTD 1u
#define ONEFILE_TRAILER_SIZE 80
#define ONEFILE_ENTRY_HEADER_SIZE 32
#define ONEFILE_BUILD_ID_SIZE 16

/* Name of the file in an extraction folder that says who made it; in a
 * cached extraction it is written last and records the payload identity. */
#define ONEFILE_MARKER_NAME ".nuitka-onefile"
#define ONEFILE_MARKER_PREFIX "nuitka-onefile "

typedef struct {
    uint32_t version;
    uint32_t flags;
    uint64_t payload_offset; /* start of the meta block */
    uint64_t meta_size;
    uint64_t stream_size; /* stored (possibly compressed) bytes */
    uint64_t raw_size;    /* bytes of the uncompressed stream */
    uint32_t payload_crc; /* CRC-32 of meta block + stored stream */
    unsigned char build_id[ONEFILE_BUILD_ID_SIZE];
    unsigned char raw[ONEFILE_TRAILER_SIZE];
} OnefileTrailer;

typedef struct {
    const char *binary; /* program inside the extraction, relative path */
    const char *spec;   /* --onefile-tempdir-spec */
    const char *company;
    const char *product;
    const char *version;
} OnefileMeta;

/* Context of one run, filled by main.c. */
typedef struct {
    const char *self_path; /* absolute path of the onefile (/proc/self/exe) */
    const char *program_name; /* for messages: base name of self_path */
    OnefileMeta meta;
    OnefileTrailer trailer;
    const unsigned char *map; /* the whole onefile, mapped read-only */
    size_t map_size;
} Onefile;

/* util.c */
void onefile_set_program_name(const char *name);
_Noreturn void fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void set_cleanup_dir(const char *path);
void run_cleanup(void);
void *xmalloc(size_t size);
char *xstrdup(const char *text);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
uint32_t crc32_update(uint32_t crc, const unsigned char *data, size_t size);
uint32_t get_u32(const unsigned char *p);
uint64_t get_u64(const unsigned char *p);
int remove_tree(const char *path);

/* paths.c */
char *expand_spec(const Onefile *onefile, int *is_temporary);
void make_parent_dirs(const char *path);

enum ExtractionState {
    EXTRACTION_ABSENT,   /* nothing there */
    EXTRACTION_READY,    /* complete extraction of this very payload */
    EXTRACTION_REPLACEABLE, /* ours but stale or unfinished, or empty */
};
/* Checks what is at path; refuses (fatal) symlinks, non-folders, folders of
 * other users or writable by others, and foreign non-empty folders. */
enum ExtractionState check_extraction(const char *path, const char *marker);
void remove_dead_siblings(const char *path);

/* run.c */
/* Blocks the forwarded signals and records how they were set up. */
void block_signals(void);
void restore_signal_mask(void);
/* Dies (after cleaning up) if a terminating signal is pending. */
void check_interrupt(void);
_Noreturn void run_temporary(const Onefile *onefile, const char *target, char *child_path,
                             char **argv);

/* extract.c */
void verify_payload(const Onefile *onefile);
void extract_payload(const Onefile *onefile, const char *target_dir);
char *make_marker_text(const Onefile *onefile);
void write_marker(const char *dir, const char *text);

#endif
