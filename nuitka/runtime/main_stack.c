/* The program's main(): runs Nuitka_ProgramMain (main.c) on a thread with a
 * big stack.
 *
 * Why: a call between Python functions uses no C stack in CPython 3.11+
 * (frames live on the heap), so with sys.setrecursionlimit(10**6) a program
 * can recurse hundreds of thousands of levels deep. Each compiled call is a
 * C call (a few hundred bytes of C stack), which overflows the usual 8 MiB
 * main thread stack at about 30000 levels and crashes. The stack here is
 * reserved address space (MAP_NORESERVE, pages are only used when touched),
 * so it costs nothing unless the program recurses that deep.
 *
 * The interpreter is initialised and run entirely on that thread, so it is
 * Python's main thread (signal handlers, threading.main_thread()); the
 * original thread blocks all signals (the new one gets the original mask)
 * and waits. The program thread ends the process with exit(), like a
 * return from main(). If the stack cannot be had, run on this thread. */
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>

extern int Nuitka_ProgramMain(int argc, char **argv);

struct program_args {
    int argc;
    char **argv;
    sigset_t mask;
};

static void *program_thread(void *arg) {
    struct program_args *args = arg;
    pthread_sigmask(SIG_SETMASK, &args->mask, NULL);
    exit(Nuitka_ProgramMain(args->argc, args->argv));
    return NULL;
}

static int run_on_big_stack(struct program_args *args) {
    /* 64-bit only; try smaller sizes where the address space or the
     * overcommit policy refuses. */
    static const size_t sizes[] = {(size_t)4 << 30, (size_t)1 << 30, (size_t)256 << 20};
    if (sizeof(void *) < 8) {
        return -1;
    }
    for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
        size_t size = sizes[i];
        void *stack = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (stack == MAP_FAILED) {
            continue;
        }
        /* A guard page at the bottom: an overflow faults instead of
         * writing into whatever is mapped below. */
        mprotect(stack, 4096, PROT_NONE);
        pthread_attr_t attr;
        pthread_t thread;
        sigset_t all;
        sigfillset(&all);
        if (pthread_attr_init(&attr) != 0) {
            munmap(stack, size);
            return -1;
        }
        if (pthread_attr_setstack(&attr, stack, size) != 0) {
            pthread_attr_destroy(&attr);
            munmap(stack, size);
            continue;
        }
        pthread_sigmask(SIG_BLOCK, &all, &args->mask);
        int res = pthread_create(&thread, &attr, program_thread, args);
        pthread_attr_destroy(&attr);
        if (res != 0) {
            pthread_sigmask(SIG_SETMASK, &args->mask, NULL);
            munmap(stack, size);
            continue;
        }
        /* Never returns: the program thread calls exit(). */
        pthread_join(thread, NULL);
        return 0;
    }
    return -1;
}

int main(int argc, char **argv) {
    static struct program_args args;
    args.argc = argc;
    args.argv = argv;
    run_on_big_stack(&args);
    return Nuitka_ProgramMain(argc, argv);
}
