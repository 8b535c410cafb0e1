"""Run time helper of compiled programs: multiprocessing and self-execution.

Not a module of the compiler: the code generator embeds this source in
every program (``__program.c``), and ``self_execution.c`` runs it, lazily,
in a namespace of its own that already holds:

* ``_finder``: the meta path finder of ``self_execution.c`` (to skip),
* ``_program``: the path the program was started by (``sys.argv[0]`` made
  absolute at start; a name found through ``PATH`` is looked up here; for
  onefile the unpacked program, ``sys.executable``),
* ``_script``: the main module's ``__file__``,
* ``_exec_main(module)``: runs the compiled main module's code in ``module``,
* ``_guard``: True unless ``--deployment``/``--no-deployment-flag=self-execution``.

Two jobs:

1. ``find_spec``: when ``multiprocessing.spawn`` is imported, point
   ``set_executable`` at the program itself and make
   ``_fixup_main_from_path`` run the compiled main module as ``__mp_main__``
   (instead of running the source file with runpy), so the children of the
   spawn and forkserver start methods run compiled code.
2. ``self_execution(argv, main_dict)``: the program was started like a
   Python interpreter.  The commands multiprocessing starts children with
   (``-c 'from multiprocessing.spawn import spawn_main; spawn_main(...)'``,
   the forkserver and resource tracker ones, ``--multiprocessing-fork``)
   are run; any other ``-c``/``-m`` stops with the fork bomb error unless
   the guard is off.
"""

import sys

_SPAWN = "multiprocessing.spawn"

#: The ``-c`` commands of multiprocessing: module -> function called.
_COMMANDS = {
    "multiprocessing.spawn": "spawn_main",
    "multiprocessing.forkserver": "main",
    "multiprocessing.resource_tracker": "main",
}

#: Interpreter options multiprocessing passes before ``-c``
#: (subprocess._args_from_interpreter_flags); all but -W and -X are letters
#: without value.
_FLAG_LETTERS = frozenset("bBdEiIOPqsSuvR")


def _program_path():
    import os

    if "/" in _program:
        return _program
    # Started through PATH (keep the name: multidist picks the program by it).
    for folder in os.environ.get("PATH", os.defpath).split(os.pathsep):
        candidate = os.path.join(folder or ".", _program)
        if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return os.path.abspath(candidate)
    return os.path.realpath("/proc/self/exe")


class _PatchingLoader:
    """Wraps the loader of multiprocessing.spawn; patches after exec."""

    def __init__(self, loader):
        self._loader = loader

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module):
        spec = module.__spec__
        if spec is not None:
            spec.loader = self._loader
        if getattr(module, "__loader__", None) is self:
            module.__loader__ = self._loader
        self._loader.exec_module(module)
        _patch_spawn(module)

    def __getattr__(self, name):
        return getattr(self._loader, name)


def find_spec(name, path=None, target=None):
    if name != _SPAWN:
        return None
    spec = None
    for finder in list(sys.meta_path):
        if finder is _finder:
            continue
        find = getattr(finder, "find_spec", None)
        if find is None:
            continue
        spec = find(name, path, target)
        if spec is not None:
            break
    if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
        return spec
    spec.loader = _PatchingLoader(spec.loader)
    return spec


def _patch_spawn(spawn):
    import os

    spawn.set_executable(_program_path())
    original = spawn._fixup_main_from_path
    script = os.path.normpath(_script)

    def _fixup_main_from_path(main_path):
        if os.path.normpath(main_path) != script:
            return original(main_path)
        current_main = sys.modules["__main__"]
        if getattr(current_main, "__file__", None) == main_path:
            return None
        # As multiprocessing does for a script, with the compiled code.
        spawn.old_main_modules.append(current_main)
        import types

        main_module = types.ModuleType("__mp_main__")
        main_module.__file__ = main_path
        main_module.__cached__ = None
        sys.modules["__mp_main__"] = main_module
        _exec_main(main_module)
        sys.modules["__main__"] = sys.modules["__mp_main__"] = main_module
        return None

    _fixup_main_from_path.__wrapped__ = original
    spawn._fixup_main_from_path = _fixup_main_from_path


def _skip_interpreter_flags(argv):
    """Index of the first argument after interpreter options like -B -s -O."""
    index = 1
    while index < len(argv):
        arg = argv[index]
        if arg in ("-W", "-X"):
            index += 2
        elif arg.startswith(("-W", "-X")) and len(arg) > 2:
            index += 1
        elif len(arg) > 1 and arg[0] == "-" and arg[1] != "-" and set(arg[1:]) <= _FLAG_LETTERS:
            index += 1
        else:
            break
    return index


def _is_literal(node, ast):
    """Like ``ast.literal_eval`` accepting ``node`` (numbers, strings, None,
    booleans, and lists, tuples, sets and dicts of them)."""
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        return isinstance(node.operand, ast.Constant) and isinstance(node.operand.value, (int, float, complex))
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return all(_is_literal(item, ast) for item in node.elts)
    if isinstance(node, ast.Dict):
        return all(key is not None and _is_literal(key, ast) for key in node.keys) and all(
            _is_literal(value, ast) for value in node.values
        )
    return False


def _multiprocessing_command(code):
    """Whether ``code`` is one of multiprocessing's ``-c`` commands: an
    import of the function and one call of it with literal arguments.
    (The built-in ``_ast``: standalone programs need not carry ``ast``.)"""
    import _ast as ast

    try:
        tree = compile(code, "<string>", "exec", ast.PyCF_ONLY_AST, dont_inherit=True)
    except (SyntaxError, ValueError):
        return False
    if len(tree.body) != 2:
        return False
    first, second = tree.body
    if not (
        isinstance(first, ast.ImportFrom)
        and first.level == 0
        and _COMMANDS.get(first.module) is not None
        and [(alias.name, alias.asname) for alias in first.names] == [(_COMMANDS[first.module], None)]
    ):
        return False
    call = second.value if isinstance(second, ast.Expr) else None
    if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == _COMMANDS[first.module]):
        return False
    values = list(call.args) + [keyword.value for keyword in call.keywords]
    return all(_is_literal(value, ast) for value in values)


def _fork_args(args):
    """``name=value`` arguments of a frozen spawn child (all integers or None)."""
    kwds = {}
    for arg in args:
        name, sep, value = arg.partition("=")
        if not sep or not name.isidentifier():
            return None
        if value == "None":
            kwds[name] = None
        elif value.lstrip("-").isdigit():
            kwds[name] = int(value)
        else:
            return None
    return kwds


def self_execution(argv, main_dict, safe_path):
    """Called when the arguments hold ``-c``, ``-m`` or start with
    ``--multiprocessing-fork``. Returns True after running a multiprocessing
    command (the main module is then not run), False to run the program as
    usual; raises SystemExit for the fork bomb guard."""
    # A frozen spawn child (when sys.frozen is set): prog --multiprocessing-fork name=value...
    if len(argv) > 1 and argv[1] == "--multiprocessing-fork":
        kwds = _fork_args(argv[2:])
        if kwds is not None:
            for name in ("__file__", "__cached__"):
                main_dict.pop(name, None)
            from multiprocessing.spawn import spawn_main

            spawn_main(**kwds)
            return True
    index = _skip_interpreter_flags(argv)
    if index + 1 < len(argv) and argv[index] == "-c" and _multiprocessing_command(argv[index + 1]):
        _as_command_line(main_dict, "-c", argv[index + 2:], safe_path)
        exec(compile(argv[index + 1], "<string>", "exec"), main_dict)
        return True
    if _guard:
        for arg in argv[1:]:
            if arg in ("-c", "-m"):
                raise SystemExit(
                    "Error, the program tried to call itself with '%s' argument. "
                    "Disable with '--no-deployment-flag=self-execution'." % arg
                )
    return False


def _as_command_line(main_dict, argv0, rest, safe_path):
    """``__main__`` and sys as ``python -c`` leaves them: the script's
    folder that main.c put first in sys.path (not in standalone mode, nor
    with -P) becomes the current directory ``''``."""
    import os

    script = main_dict.get("__file__")
    sys.argv[:] = [argv0] + list(rest)
    for name in ("__file__", "__cached__"):
        main_dict.pop(name, None)
    if not safe_path and sys.path and script and sys.path[0] == os.path.dirname(script):
        sys.path[0] = ""
