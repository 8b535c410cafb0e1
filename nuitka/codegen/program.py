"""The program file (``__program.c``): tables of the compiled modules.

* programs: ``nuitka_modules`` (the embedded modules the loader serves, see
  ``nuitka/runtime/include/nuitka/loader.h``), ``nuitka_mains`` (one entry per
  main program; several with multidist) and the program facts main.c uses;
* extension modules (``--module``): the ``PyInit_<name>`` function (multi-phase
  initialisation) and the table of the submodules embedded with it.
"""

from pathlib import Path

from .module import _c_string, c_string_lines

#: Python source run by nuitka/runtime/self_execution.c, embedded in programs.
_SELF_EXECUTION_SOURCE = Path(__file__).resolve().parent.parent / "runtime" / "self_execution.py"

NUITKA_MODULE_PACKAGE = 1


def _entry(name, prefix, is_package, filename):
    return "    {%s, %s_exec, %d, %s}," % (
        _c_string(name),
        prefix,
        NUITKA_MODULE_PACKAGE if is_package else 0,
        _c_string(filename) if filename is not None else "NULL",
    )


def generate_program_file(modules, mains, python_executable, nofollow_patterns=(), standalone=False,
                          python_flags=0, self_execution_guard=True, relative_files=False):
    """``modules``: ``(name, c_prefix, is_package, filename)`` of the embedded
    modules; ``mains``: ``(entry_point, c_prefix, script_path)``, the first
    one being the default; ``nofollow_patterns``: the ``--nofollow-import-to``
    patterns, whose modules raise ImportError at run time; ``standalone``:
    the filenames are relative to the dist folder (``nuitka/standalone``);
    ``python_flags``: the ``--python-flag`` bits (``nuitka/python_flags.h``);
    ``self_execution_guard``: the fork bomb guard of deployment mode
    (``nuitka/self_execution.h``); ``relative_files``: accelerated mode with
    relative filenames, which are relative to the binary's folder at run
    time (``--file-reference-choice=runtime``)."""
    out = ['#include "nuitka/prelude.h"', ""]
    for _, prefix, _, _ in modules:
        out.append("extern int %s_exec(PyObject *module);" % prefix)
    for _, prefix, _ in mains:
        out.append("extern int %s_exec(PyObject *module);" % prefix)
    out.append("const Nuitka_ModuleEntry nuitka_modules[] = {")
    for name, prefix, is_package, filename in modules:
        out.append(_entry(name, prefix, is_package, filename))
    out.append("    {NULL, NULL, 0, NULL}")
    out.append("};")
    out.append("const Nuitka_MainEntry nuitka_mains[] = {")
    for entry_point, prefix, script_path in mains:
        out.append(
            "    {%s, %s_exec, %s}," % (_c_string(entry_point), prefix, _c_string(script_path))
        )
    out.append("    {NULL, NULL, NULL}")
    out.append("};")
    out.append("const char *const nuitka_nofollow_patterns[] = {")
    for pattern in nofollow_patterns:
        out.append("    %s," % _c_string(pattern))
    out.append("    NULL")
    out.append("};")
    out.append('const char *nuitka_main_module_name = "__main__";')
    out.append("const char *nuitka_python_executable = %s;" % _c_string(python_executable))
    out.append("const char *nuitka_main_script_path = %s;" % _c_string(mains[0][2]))
    out.append("const int nuitka_standalone = %d;" % (1 if standalone else 0))
    out.append("const int nuitka_relative_files = %d;" % (1 if relative_files else 0))
    out.append("const unsigned int nuitka_python_flags = %du;" % python_flags)
    out.append("const int nuitka_self_execution_guard = %d;" % bool(self_execution_guard))
    out.append("const char nuitka_self_execution_source[] =")
    out.extend(c_string_lines(_SELF_EXECUTION_SOURCE.read_bytes()))
    out.append(";")
    return "\n".join(out) + "\n"


def generate_extension_module_file(self_module, modules):
    """``self_module``: ``(name, c_prefix, is_package, relative filename)`` of
    the module the extension module is; ``modules``: the same for the
    submodules embedded with it (filenames relative to the .so's folder)."""
    name, prefix, is_package, filename = self_module
    init_name = name.rpartition(".")[2]
    out = ['#include "nuitka/prelude.h"', ""]
    out.append("extern int %s_exec(PyObject *module);" % prefix)
    for _, sub_prefix, _, _ in modules:
        out.append("extern int %s_exec(PyObject *module);" % sub_prefix)
    out.append("static const Nuitka_ModuleEntry embedded_modules[] = {")
    for entry in modules:
        out.append(_entry(*entry))
    out.append("    {NULL, NULL, 0, NULL}")
    out.append("};")
    out.append("static const Nuitka_ModuleEntry self_entry = ")
    out.append(_entry(name, prefix, is_package, filename).rstrip(",") + ";")
    out.append("static int exec_slot(PyObject *module) {")
    out.append("    return Nuitka_Loader_ExecExtensionModule(module, &self_entry, embedded_modules);")
    out.append("}")
    out.append("static PyModuleDef_Slot module_slots[] = {")
    out.append("    {Py_mod_exec, (void *)exec_slot},")
    out.append("    {0, NULL},")
    out.append("};")
    out.append("static struct PyModuleDef module_def = {")
    out.append("    PyModuleDef_HEAD_INIT, %s, NULL, 0, NULL, module_slots, NULL, NULL, NULL," % _c_string(name))
    out.append("};")
    out.append("PyMODINIT_FUNC PyInit_%s(void) {" % init_name)
    out.append("    return PyModuleDef_Init(&module_def);")
    out.append("}")
    return "\n".join(out) + "\n"
