/* PEP 695 (Python 3.12+): type parameters, generic classes, type aliases.
 * The objects are made by CPython's own intrinsics (CALL_INTRINSIC_1/2),
 * so TypeVar bounds, constraints and defaults and alias values stay lazily
 * evaluated exactly as in the interpreter (runtime/type_params.c). */
#ifndef NUITKA_TYPE_PARAMS_H
#define NUITKA_TYPE_PARAMS_H

#if PY_VERSION_HEX >= 0x030C0000
PyObject *Nuitka_CallIntrinsic1(int index, PyObject *arg);
PyObject *Nuitka_CallIntrinsic2(int index, PyObject *arg1, PyObject *arg2);
PyObject *Nuitka_MakeTypeAlias(PyObject *args, PyObject *globals);
#endif

#endif
