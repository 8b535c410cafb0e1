/* Choosing the main program of a binary built with several --main files
 * (multidist): the one whose name is the base name of argv[0] (a copy, a
 * symlink or subprocess's executable= give other names). */
#include "nuitka/prelude.h"
#include <stdio.h>

int (*nuitka_main_exec)(PyObject *module) = NULL;

static int name_matches(const char *base, const char *entry_point) {
    size_t len = strlen(entry_point);
    if (strncmp(base, entry_point, len) != 0) {
        return 0;
    }
    /* "prog", or "prog.bin" / "prog.exe" (any suffix after a dot). */
    return base[len] == '\0' || base[len] == '.';
}

int Nuitka_SelectMain(const char *argv0) {
    int count = 0;
    while (nuitka_mains[count].entry_point != NULL) {
        count++;
    }
    const Nuitka_MainEntry *chosen = NULL;
    if (count == 1) {
        /* A single program runs whatever its file is called. */
        chosen = &nuitka_mains[0];
    } else {
        const char *base = argv0 ? strrchr(argv0, '/') : NULL;
        base = base ? base + 1 : (argv0 ? argv0 : "");
        for (int i = 0; i < count && chosen == NULL; i++) {
            if (name_matches(base, nuitka_mains[i].entry_point)) {
                chosen = &nuitka_mains[i];
            }
        }
    }
    if (chosen == NULL) {
        fprintf(stderr, "Error, failed to detect what main program to run: '%s' is none of the entry points:",
                argv0 ? argv0 : "");
        for (int i = 0; i < count; i++) {
            fprintf(stderr, " '%s'", nuitka_mains[i].entry_point);
        }
        fprintf(stderr, "\n");
        return -1;
    }
    nuitka_main_exec = chosen->exec;
    nuitka_main_script_path = chosen->script_path;
    return 0;
}
