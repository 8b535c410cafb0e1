/* The program packed into the test onefiles (as PROG.dist/prog.bin).
 *
 * Prints what it sees as "key=value" lines (argv, pid, ppid, its own path,
 * cwd, the NUITKA_ONEFILE_* variables, PROBE_CAT's file next to it), then
 * does what PROBE_ACTION says:
 *
 *   exit:N    exit with code N (also the default, N=0)
 *   raise:N   kill itself with signal N
 *   wait      log "ready" to PROBE_LOG, then on SIGINT/TERM/HUP/USR1/QUIT
 *             log "signal N" and exit with 100+N (SIGUSR1: keep waiting)
 *   count     log "ready", count SIGINTs for 0.5 s after the first, log
 *             "count=N" and exit 0
 *   sleep     pause() with the default signal dispositions
 *   stdin     copy stdin to stdout
 *   linger    leave a process behind and exit 0: it lets go of stdio, waits
 *             (up to 30 s) for the file PROBE_GO, then reads PROBE_CAT's
 *             file next to the program and logs "lingered: <its line>"
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static int log_fd = -1;
static volatile sig_atomic_t interrupts;

static void log_line(const char *text) {
    if (log_fd >= 0) {
        write(log_fd, text, strlen(text));
    }
}

static void on_signal(int sig) {
    char text[64];
    snprintf(text, sizeof(text), "signal %d\n", sig);
    log_line(text);
    if (sig != SIGUSR1) {
        _exit(100 + sig);
    }
}

static void on_interrupt(int sig) {
    (void)sig;
    interrupts++;
}

int main(int argc, char **argv) {
    char path[PATH_MAX + 1];
    printf("argc=%d\n", argc);
    for (int i = 0; i < argc; i++) {
        printf("argv[%d]=%s\n", i, argv[i]);
    }
    printf("pid=%ld\nppid=%ld\n", (long)getpid(), (long)getppid());
    /* The parent's parent: the bootstrap, when a keeper started us. */
    char stat_path[64], stat_text[512];
    snprintf(stat_path, sizeof(stat_path), "/proc/%ld/stat", (long)getppid());
    FILE *stat_file = fopen(stat_path, "r");
    long grandparent = 0;
    if (stat_file != NULL) {
        if (fgets(stat_text, sizeof(stat_text), stat_file) != NULL) {
            char *after_name = strrchr(stat_text, ')');
            if (after_name != NULL) {
                sscanf(after_name + 1, " %*c %ld", &grandparent);
            }
        }
        fclose(stat_file);
    }
    printf("gppid=%ld\n", grandparent);
    ssize_t len = readlink("/proc/self/exe", path, PATH_MAX);
    path[len > 0 ? len : 0] = 0;
    printf("exe=%s\n", path);
    char cwd[PATH_MAX];
    printf("cwd=%s\n", getcwd(cwd, sizeof(cwd)) ? cwd : "?");
    const char *parent = getenv("NUITKA_ONEFILE_PARENT");
    const char *binary = getenv("NUITKA_ONEFILE_BINARY");
    printf("parent_env=%s\nbinary_env=%s\n", parent ? parent : "", binary ? binary : "");
    const char *cat = getenv("PROBE_CAT");
    if (cat != NULL) {
        char *slash = strrchr(path, '/');
        snprintf(slash + 1, PATH_MAX - (slash + 1 - path), "%s", cat);
        FILE *f = fopen(path, "r");
        char line[256];
        printf("cat=%s\n", f && fgets(line, sizeof(line), f) ? strtok(line, "\n") : "<missing>");
        if (f) {
            fclose(f);
        }
    }
    fflush(stdout);

    const char *log_path = getenv("PROBE_LOG");
    if (log_path != NULL) {
        log_fd = open(log_path, O_WRONLY | O_CREAT | O_APPEND, 0644);
    }
    const char *action = getenv("PROBE_ACTION");
    action = action ? action : "exit:0";
    if (strncmp(action, "exit:", 5) == 0) {
        return atoi(action + 5);
    }
    if (strncmp(action, "raise:", 6) == 0) {
        signal(atoi(action + 6), SIG_DFL);
        raise(atoi(action + 6));
        return 99;
    }
    if (strcmp(action, "wait") == 0) {
        int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGUSR1, SIGQUIT};
        for (unsigned i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
            signal(sigs[i], on_signal);
        }
        log_line("ready\n");
        for (;;) {
            pause();
        }
    }
    if (strcmp(action, "count") == 0) {
        signal(SIGINT, on_interrupt);
        log_line("ready\n");
        while (interrupts == 0) {
            pause();
        }
        struct timespec rest = {0, 500000000};
        while (nanosleep(&rest, &rest) != 0) {
        }
        char text[64];
        snprintf(text, sizeof(text), "count=%d\n", (int)interrupts);
        log_line(text);
        return 0;
    }
    if (strcmp(action, "sleep") == 0) {
        log_line("ready\n");
        for (;;) {
            pause();
        }
    }
    if (strcmp(action, "stdin") == 0) {
        char buffer[4096];
        ssize_t got;
        while ((got = read(0, buffer, sizeof(buffer))) > 0) {
            write(1, buffer, got);
        }
        return 0;
    }
    if (strcmp(action, "linger") == 0) {
        if (fork() != 0) {
            return 0;
        }
        int null_fd = open("/dev/null", O_RDWR);
        dup2(null_fd, 0);
        dup2(null_fd, 1);
        dup2(null_fd, 2);
        const char *go = getenv("PROBE_GO");
        for (int i = 0; i < 3000 && go != NULL && access(go, F_OK) != 0; i++) {
            struct timespec rest = {0, 10000000};
            nanosleep(&rest, NULL);
        }
        char *slash = strrchr(path, '/');
        snprintf(slash + 1, PATH_MAX - (slash + 1 - path), "%s", cat ? cat : "data.txt");
        FILE *f = fopen(path, "r");
        char line[256], text[300];
        snprintf(text, sizeof(text), "lingered: %s\n",
                 f && fgets(line, sizeof(line), f) ? strtok(line, "\n") : "<missing>");
        log_line(text);
        return 0;
    }
    fprintf(stderr, "probe: unknown PROBE_ACTION %s\n", action);
    return 98;
}
