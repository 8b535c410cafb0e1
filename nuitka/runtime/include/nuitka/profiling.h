/* sys.setprofile() events of compiled frames (profiling.c).
 *
 * A profile function (sys.setprofile, profile, cProfile before 3.12)
 * gets "call" when a compiled function, class body or module body starts
 * and a generator or coroutine is started or resumed (also by throw()),
 * and "return" when it returns, yields or leaves by an exception (with
 * arg None), as for CPython's frames. Compiled code reports no trace
 * events (sys.settrace: those need "line" events to make sense) and no
 * "c_call"/"c_return" events of the builtins it calls. */
#ifndef NUITKA_PROFILING_H
#define NUITKA_PROFILING_H

/* One load where frames are entered and left: a profile function is set. */
#define NUITKA_PROFILING(tstate) ((tstate)->c_profilefunc != NULL)

/* "call" for the linked frame of a function, class or module body that
 * starts (it shows the "def" line, as at RESUME); -1 (exception set) when
 * the profile function failed: then the body does not run. */
extern int Nuitka_Profile_CallStart(PyThreadState *tstate, PyFrameObject *frame);
/* "call" for a generator's or coroutine's frame that is resumed, `thrown`:
 * by throw(), with that exception set (it stays set; 3.12 passes it to the
 * profile function). */
extern int Nuitka_Profile_CallResume(PyThreadState *tstate, PyFrameObject *frame, int thrown);
/* "return" for the linked frame, with `result` (NULL: leaving by the
 * exception set); the result, or NULL when the profile function failed
 * (its exception replaces the result or the one leaving). */
extern PyObject *Nuitka_Profile_Return(PyThreadState *tstate, PyFrameObject *frame, PyObject *result);

#endif
