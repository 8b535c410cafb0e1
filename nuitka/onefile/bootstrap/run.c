/* Onefile bootstrap: signals, and running the program from a temporary
 * extraction.
 *
 * Temporary mode has three processes:
 *
 *     bootstrap (B)  the process the user started; forwards signals to the
 *                    program and exits like it, as soon as it ends
 *     keeper (K)     child of B, a child subreaper: starts the program,
 *                    reports its pid and its end to B, then waits until
 *                    every process the program left behind has ended too
 *                    and only then removes the extraction
 *     program (P)    child of K, runs from the extraction
 *
 * Programs leave processes behind that still read the extraction after the
 * program itself is gone: multiprocessing's resource tracker and fork
 * server start up and shut down on their own, a program may start a
 * background process and exit.  Under python those keep working; removing
 * the folder from under them would break them.  Orphans of the program are
 * re-parented to K (PR_SET_CHILD_SUBREAPER), so K sees the whole tree end.
 * B does not wait for them, so a shell gets the program's exit status at
 * once, as it would from python.  When nothing is left behind (the common
 * case) K removes the folder before it reports the end, so it is gone when
 * the onefile returns.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "onefile.h"

/* Forwarded to the program in temporary mode. */
static const int forwarded[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1,
                                SIGUSR2, SIGALRM, SIGWINCH};
#define FORWARDED_COUNT (sizeof(forwarded) / sizeof(forwarded[0]))
/* Stop an extraction before the program runs. */
static const int terminating[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
/* The keeper ignores what a terminal sends to the whole process group:
 * the program decides what these mean, the keeper must stay to clean up. */
static const int keeper_ignored[] = {SIGINT, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2,
                                     SIGALRM, SIGWINCH, SIGPIPE};
#define KEEPER_IGNORED_COUNT (sizeof(keeper_ignored) / sizeof(keeper_ignored[0]))

static sigset_t original_mask;
static int was_ignored[NSIG];
static volatile pid_t child_pid;
static volatile sig_atomic_t keeper_terminated;

/* Messages from the keeper to the bootstrap. */
enum { REPORT_STARTED = 1, REPORT_ENDED = 2 };
typedef struct {
    int kind;
    int value;        /* STARTED: program pid; ENDED: its wait status */
    int removal_failed; /* ENDED: the extraction could not be removed */
} KeeperReport;

static _Noreturn void die_by_signal(int sig) {
    run_cleanup();
    struct rlimit no_core = {0, 0};
    setrlimit(RLIMIT_CORE, &no_core); /* the program dumped core already */
    signal(sig, SIG_DFL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, sig);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    raise(sig);
    _exit(128 + sig);
}

void block_signals(void) {
    /* No signal may stop us halfway without cleaning up: block them while
     * extracting, and check for them at safe points (check_interrupt). */
    sigset_t block;
    sigemptyset(&block);
    for (size_t i = 0; i < FORWARDED_COUNT; i++) {
        sigaddset(&block, forwarded[i]);
    }
    for (int sig = 1; sig < NSIG; sig++) {
        struct sigaction old;
        if (sigaction(sig, NULL, &old) == 0) {
            was_ignored[sig] = old.sa_handler == SIG_IGN;
        }
    }
    sigprocmask(SIG_BLOCK, &block, &original_mask);
}

void restore_signal_mask(void) { sigprocmask(SIG_SETMASK, &original_mask, NULL); }

void check_interrupt(void) {
    sigset_t pending;
    if (sigpending(&pending) != 0) {
        return;
    }
    for (size_t i = 0; i < sizeof(terminating) / sizeof(terminating[0]); i++) {
        if (sigismember(&pending, terminating[i])) {
            die_by_signal(terminating[i]);
        }
    }
}

static void forward_signal(int sig, siginfo_t *info, void *context) {
    (void)context;
    /* The terminal (Ctrl-C, hang-up, resize) signals the whole foreground
     * process group, the program included: do not send it a second one. */
    if (child_pid > 0 && info->si_code != SI_KERNEL) {
        kill(child_pid, sig);
    }
}

static void on_keeper_terminate(int sig) {
    (void)sig;
    keeper_terminated = 1;
}

static void restore_disposition(int sig) {
    signal(sig, was_ignored[sig] ? SIG_IGN : SIG_DFL);
}

static int write_report(int fd, int kind, int value, int removal_failed) {
    KeeperReport report = {kind, value, removal_failed};
    ssize_t done;
    do {
        done = write(fd, &report, sizeof(report));
    } while (done < 0 && errno == EINTR);
    return done == (ssize_t)sizeof(report) ? 0 : -1;
}

/* Reads one report; 0 on end of file (the keeper died). */
static int read_report(int fd, KeeperReport *report) {
    size_t have = 0;
    while (have < sizeof(*report)) {
        ssize_t got = read(fd, (char *)report + have, sizeof(*report) - have);
        if (got < 0 && errno == EINTR) {
            continue;
        }
        if (got <= 0) {
            return 0;
        }
        have += got;
    }
    return 1;
}

static _Noreturn void run_keeper(const char *program_name, const char *target,
                                 char *child_path, char **argv, pid_t bootstrap,
                                 int report_fd) {
    for (size_t i = 0; i < KEEPER_IGNORED_COUNT; i++) {
        signal(keeper_ignored[i], SIG_IGN);
    }
    /* SIGTERM (also what we get when the bootstrap dies) ends the program
     * and, once everything has ended, removes the folder. */
    struct sigaction action;
    memset(&action, 0, sizeof(action));
    action.sa_handler = on_keeper_terminate;
    sigemptyset(&action.sa_mask);
    sigaction(SIGTERM, &action, NULL); /* no SA_RESTART: waitpid returns */
    prctl(PR_SET_CHILD_SUBREAPER, 1);
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (getppid() != bootstrap) {
        keeper_terminated = 1;
    }
    char pid_text[32];
    snprintf(pid_text, sizeof(pid_text), "%ld", (long)getpid());
    if (setenv("NUITKA_ONEFILE_PARENT", pid_text, 1) != 0) {
        fprintf(stderr, "%s: onefile error: out of memory\n", program_name);
        _exit(1);
    }

    pid_t keeper = getpid();
    pid_t pid = fork();
    if (pid < 0) {
        fprintf(stderr, "%s: onefile error: cannot start the program: %s\n",
                program_name, strerror(errno));
        _exit(1);
    }
    if (pid == 0) {
        for (size_t i = 0; i < FORWARDED_COUNT; i++) {
            restore_disposition(forwarded[i]);
        }
        restore_disposition(SIGPIPE);
        /* Do not outlive a keeper that was killed outright. */
        prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (getppid() != keeper) {
            _exit(1);
        }
        close(report_fd);
        sigprocmask(SIG_SETMASK, &original_mask, NULL);
        execv(child_path, argv);
        fprintf(stderr, "%s: onefile error: cannot run '%s': %s\n", program_name,
                child_path, strerror(errno));
        _exit(1);
    }
    write_report(report_fd, REPORT_STARTED, pid, 0);

    /* Hold no terminal or pipe of the caller open: a reader of the
     * program's output must see its end when the program's tree closes it. */
    int null_fd = open("/dev/null", O_RDWR);
    if (null_fd >= 0) {
        dup2(null_fd, 0);
        dup2(null_fd, 1);
        dup2(null_fd, 2);
        if (null_fd > 2) {
            close(null_fd);
        }
    }
    sigset_t unblock;
    sigemptyset(&unblock);
    sigaddset(&unblock, SIGTERM);
    sigprocmask(SIG_UNBLOCK, &unblock, NULL);

    int program_status = 0, program_running = 1, termination_sent = 0;
    for (;;) {
        if (keeper_terminated && program_running && !termination_sent) {
            kill(pid, SIGTERM);
            termination_sent = 1;
        }
        int status;
        pid_t ended = waitpid(-1, &status, program_running ? 0 : WNOHANG);
        if (ended < 0 && errno == EINTR) {
            continue;
        }
        if (ended == pid) {
            program_running = 0;
            program_status = status;
            continue;
        }
        if (ended > 0) {
            continue; /* something the program left behind */
        }
        if (ended < 0 || program_running) {
            break; /* ECHILD: the whole tree has ended */
        }
        /* The program ended, others still run: report now, clean up later. */
        prctl(PR_SET_PDEATHSIG, 0);
        write_report(report_fd, REPORT_ENDED, program_status, 0);
        close(report_fd);
        report_fd = -1;
        while (waitpid(-1, &status, 0) > 0 || errno == EINTR) {
        }
        break;
    }
    int removal_failed = remove_tree(target) != 0;
    if (report_fd >= 0) {
        prctl(PR_SET_PDEATHSIG, 0);
        write_report(report_fd, REPORT_ENDED, program_status, removal_failed);
    }
    _exit(0);
}

/* Temporary mode: a fresh private folder, removed when the program and
 * whatever it left running have ended. */
_Noreturn void run_temporary(const Onefile *of, const char *target, char *child_path,
                             char **argv) {
    int pipe_fds[2];
    if (pipe2(pipe_fds, O_CLOEXEC) != 0) {
        fatal("cannot start the program: %s", strerror(errno));
    }
    pid_t bootstrap = getpid();
    pid_t keeper = fork();
    if (keeper < 0) {
        fatal("cannot start the program: %s", strerror(errno));
    }
    if (keeper == 0) {
        close(pipe_fds[0]);
        run_keeper(of->program_name, target, child_path, argv, bootstrap, pipe_fds[1]);
    }
    close(pipe_fds[1]);

    KeeperReport report;
    if (!read_report(pipe_fds[0], &report) || report.kind != REPORT_STARTED) {
        /* The keeper said why on stderr. */
        int status = 0;
        while (waitpid(keeper, &status, 0) < 0 && errno == EINTR) {
        }
        run_cleanup();
        exit(WIFEXITED(status) && WEXITSTATUS(status) ? WEXITSTATUS(status) : 1);
    }
    /* From here on the keeper owns the folder. */
    set_cleanup_dir(NULL);
    child_pid = report.value;

    struct sigaction action;
    memset(&action, 0, sizeof(action));
    action.sa_sigaction = forward_signal;
    action.sa_flags = SA_SIGINFO | SA_RESTART;
    sigfillset(&action.sa_mask);
    for (size_t i = 0; i < FORWARDED_COUNT; i++) {
        if (!was_ignored[forwarded[i]]) {
            sigaction(forwarded[i], &action, NULL);
        }
    }
    sigprocmask(SIG_SETMASK, &original_mask, NULL);

    if (!read_report(pipe_fds[0], &report) || report.kind != REPORT_ENDED) {
        fatal("lost the program: its keeper process ended unexpectedly");
    }
    child_pid = 0;
    /* When the keeper reported after cleaning up, do not leave it a zombie
     * for the moment until we exit. */
    waitpid(keeper, NULL, WNOHANG);
    if (report.removal_failed) {
        fprintf(stderr, "%s: onefile warning: could not remove '%s' completely\n",
                of->program_name, target);
    }
    int status = report.value;
    if (WIFSIGNALED(status)) {
        die_by_signal(WTERMSIG(status));
    }
    exit(WIFEXITED(status) ? WEXITSTATUS(status) : 1);
}
