"""One module to C: the per-module pipeline of a compilation.

:func:`generate_module_c` takes a source file and the module's run time name
and returns its C file's text; nothing else of the compilation goes in, so
the compile cache can wrap it (see ``nuitka.caching``). The stages, in this
order and nowhere else:

1. frontend (``nuitka.frontend``): source -> CPython code objects -> core
   node tree;
2. optimization (``nuitka.optimization``): passes rewriting that tree;
3. code generation (``nuitka.codegen``): tree -> C text.
"""

from dataclasses import dataclass
from typing import Optional

from nuitka.frontend.source import read_source_bytes


def c_identifier(name: str) -> str:
    return "".join(c if c.isalnum() else "_" for c in name)


@dataclass
class ModuleCode:
    c_text: str
    c_prefix: str
    #: ``--xml`` dump of the optimized node tree (only when asked for).
    xml: Optional[str] = None
    #: ``--explain-optimizations`` text: one line per change.
    explanations: str = ""


def generate_module_c(filename, module_name, c_prefix=None, source_bytes=None, want_xml=False, log=None,
                      optimize=0, strip_docstrings=False, no_annotations=False, code_filename=None,
                      timings=None):
    """Source file + module name -> generated C.

    ``optimize`` (``compile()``'s level), ``strip_docstrings`` and
    ``no_annotations`` come from
    ``--python-flag`` (see :func:`nuitka.python_flags.compile_settings`).

    ``code_filename``: what the code objects name as their file
    (``co_filename``), when it is not ``filename``: the path relative to the
    standalone folder or the extension module, which the runtime makes
    absolute where the program runs (no build path in the result).

    ``timings``: a :class:`nuitka.reports.timing.Timings` that gets the
    time of each stage.

    Raises ``SourceSyntaxError``, ``UnsupportedConstruct`` or ``OSError``.
    ``c_prefix`` names the module's C symbols (``<prefix>_exec``); it must be
    unique in the program.
    """
    from nuitka.codegen.module import generate_module_code
    from nuitka.frontend.building import build_module_tree
    from nuitka.frontend.source import compile_source
    from nuitka.optimization import optimize_module
    from nuitka.reports.timing import stage

    if source_bytes is None:
        source_bytes = read_source_bytes(filename)
    from nuitka.frontend.building import UnsupportedConstruct
    from nuitka.internal_error import locate

    with stage(timings, "frontend"):
        source_text, code = compile_source(source_bytes, filename, optimize)
        if code_filename is not None and code_filename != filename:
            from nuitka.frontend.source import with_code_filename

            code = with_code_filename(code, code_filename)
    try:
        # 1. frontend
        if log:
            log("building node tree of '%s' (%s)" % (filename, module_name))
        with stage(timings, "frontend"):
            module = build_module_tree(
                filename, source_text, code, module_name, optimize, strip_docstrings, no_annotations
            )
        # 2. optimization
        if log:
            log("optimizing '%s'" % module_name)
        with stage(timings, "optimization"):
            explainer = optimize_module(module, filename)
        xml = None
        if want_xml:
            xml = "\n".join(scope.to_xml() for scope in module.all_scopes) + "\n"
        # 3. code generation
        if log:
            log("generating C code of '%s'" % module_name)
        with stage(timings, "codegen"):
            c_text, module_ctx = generate_module_code(module, module_name, filename, c_prefix)
    except UnsupportedConstruct:
        raise
    except Exception as e:
        raise locate(e, filename) from e
    return ModuleCode(c_text, module_ctx.c_prefix, xml, explainer.format())
