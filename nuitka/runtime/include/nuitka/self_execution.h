/* Compiled programs started like an interpreter (self_execution.c):
 * multiprocessing children, the fork bomb guard of deployment mode. */
#ifndef NUITKA_SELF_EXECUTION_H
#define NUITKA_SELF_EXECUTION_H

/* Generated in __program.c: the source of nuitka/runtime/self_execution.py
 * and whether the guard is on (not --deployment, no
 * --no-deployment-flag=self-execution). */
extern const char nuitka_self_execution_source[];
extern const int nuitka_self_execution_guard;

/* Called before the main module runs (its module object given): installs
 * the multiprocessing finder; for "-c"/"-m"/"--multiprocessing-fork"
 * arguments runs the helper. Returns 1 when a multiprocessing command ran
 * instead of the main module, 0 to run the main module, -1 with an
 * exception set (SystemExit for the guard). */
extern int Nuitka_SelfExecution_Start(PyObject *main_module);

#endif
