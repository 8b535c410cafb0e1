"""SCons build file of the Nuitka build stage (run by SCons, not imported).

:mod:`nuitka.build.scons` runs it as::

    python -m SCons -f .../nuitka/build/SConstruct.py -Q [--silent] -j N \
        desc=<build description JSON>

with the current directory being the build's top folder.  All decisions
(compiler, flags, file names) are made by the Python side and written into
the JSON description; this file only turns it into SCons nodes, so that SCons
can decide, by content signatures (``Decider('content')``), what needs to be
rebuilt.  ``content-timestamp`` would be cheaper but SCons compares whole
second timestamps, so a file rewritten within the second of the last build
would be taken as unchanged; hashing the C files costs little next to
compiling them.  Description keys:

``mode``          ``"library"`` (static archive) or ``"program"`` (link).
``cc``            compile command prefix, e.g. ``["ccache", "/usr/bin/gcc"]``.
``cc_env``        environment changes for all commands (ccache's
                  ``CCACHE_PREFIX`` for a compile farm).
``link``          link command prefix (``["/usr/bin/gcc"]``).
``ar``            archiver command prefix (library mode).
``ccflags``       compile flags (``-I``/``-D`` included).
``cpppath``       folders SCons scans for ``#include "..."`` dependencies.
``objects``       list of ``[source, object]`` pairs; ``[source, object,
                  "prebuilt"]`` names an object restored from the object
                  cache, which is linked without compiling ``source``.
``signature``     string every object depends on (runtime headers, Python,
                  compiler identity), so a change recompiles everything.
``linkflags``     flags before the objects.
``lib_files``     library files linked after the objects (the runtime
                  archive); they are dependencies, so a new one relinks.
``libs``          arguments after those (libpython, system libraries).
``output``        the archive or linked file.
``sconsign``      SCons database file.
``report``        JSON file listing the commands that were run.

Commands are run without a shell (see :func:`_spawn`), so arguments with
quotes or spaces reach the compiler unchanged.
"""

import atexit
import json
import os
import subprocess
import sys

from SCons.Script import (  # pylint: disable=import-error
    ARGUMENTS,
    Action,
    Builder,
    Default,
    Environment,
)

_commands_run = []
#: Whether to print progress lines (``desc["progress"]``); must match
#: nuitka.build.scons.PROGRESS_PREFIX.
_progress = [False]
PROGRESS_PREFIX = "nuitka-scons-progress: "


def _escape_dollar(value):
    """Protect strings from SCons variable substitution."""
    if isinstance(value, list):
        return [_escape_dollar(item) for item in value]
    return value.replace("$", "$$")


def _unquote(arg):
    """Undo SCons' ``quote_spaces``: it wraps every argument holding white
    space in double quotes (exactly once) even when ``ESCAPE`` is a no-op."""
    if (" " in arg or "\t" in arg) and len(arg) >= 2 and arg[0] == arg[-1] == '"':
        return arg[1:-1]
    return arg


def _progress_line(args, done):
    """``nuitka-scons-progress: compiled SOURCE`` / ``linking TARGET`` on
    stdout for the caller's progress display (``desc["progress"]``)."""
    if not _progress[0]:
        return
    if "-c" in args and done:
        line = "compiled %s" % args[-1]
    elif "-c" not in args and "-o" in args and not done:
        line = "linking %s" % args[args.index("-o") + 1]
    else:
        return
    sys.stdout.write("%s%s\n" % (PROGRESS_PREFIX, line))
    sys.stdout.flush()


def _spawn(_sh, _escape, _cmd, args, env):
    """Run one command directly (no ``sh -c``), report it when it fails."""
    args = [_unquote(str(arg)) for arg in args]
    _commands_run.append(args)
    _progress_line(args, False)
    try:
        return_code = subprocess.call(args, env=env)
    except OSError as e:
        sys.stderr.write("nuitka-scons: cannot run %r: %s\n" % (args[0], e))
        return 127
    if return_code == 0:
        _progress_line(args, True)
    if return_code != 0:
        sys.stderr.write(
            "nuitka-scons: command failed with exit code %d: %s\n"
            % (return_code, " ".join(_quote(arg) for arg in args))
        )
    return return_code


def _quote(arg):
    if arg and all(c.isalnum() or c in "-_=+./,:@%" for c in arg):
        return arg
    return "'" + arg.replace("'", "'\"'\"'") + "'"


def _write_report(path):
    with open(path, "w", encoding="utf-8") as report_file:
        json.dump({"commands": _commands_run}, report_file, indent=1)


def _main():
    with open(ARGUMENTS["desc"], encoding="utf-8") as desc_file:
        desc = json.load(desc_file)

    if desc.get("report"):
        atexit.register(_write_report, desc["report"])
    _progress[0] = bool(desc.get("progress"))

    env = Environment(
        tools=[],
        ENV=dict(os.environ, **desc.get("cc_env", {})),
        SPAWN=_spawn,
        ESCAPE=lambda arg: arg,
        NUITKA_CC=_escape_dollar(desc["cc"]),
        NUITKA_LINK=_escape_dollar(desc.get("link", [])),
        NUITKA_AR=_escape_dollar(desc.get("ar", [])),
        NUITKA_CCFLAGS=_escape_dollar(desc["ccflags"]),
        NUITKA_LINKFLAGS=_escape_dollar(desc.get("linkflags", [])),
        NUITKA_LIBS=_escape_dollar(desc.get("libs", [])),
        CPPPATH=desc.get("cpppath", []),
        CPPSUFFIXES=[".c", ".h", ".inc"],
    )
    env.Decider("content")
    env.SConsignFile(desc["sconsign"])

    scanner = None
    if desc.get("cpppath"):
        from SCons.Scanner.C import CScanner  # pylint: disable=import-error

        scanner = CScanner()

    compile_builder = Builder(
        action=Action("$NUITKA_CC $NUITKA_CCFLAGS -c -o $TARGET $SOURCE"),
        source_scanner=scanner,
    )

    objects = []
    for entry in desc["objects"]:
        source, target = entry[0], entry[1]
        if entry[2:] == ["prebuilt"]:
            # Restored from the object cache: link it, never compile it.
            objects.append(env.File(target))
        else:
            objects += compile_builder(env, target, source)

    if desc.get("signature"):
        env.Depends(objects, env.Value(desc["signature"]))

    if desc["mode"] == "library":
        action = Action("$NUITKA_AR rcsD $TARGET $SOURCES")
    else:
        action = Action("$NUITKA_LINK -o $TARGET $NUITKA_LINKFLAGS $SOURCES $NUITKA_LIBS")
    # Files among the libraries (the runtime archive) are real dependencies.
    sources = objects + list(desc.get("lib_files", []))
    output = Builder(action=action)(env, desc["output"], sources)
    Default(output)


if __name__ == "SCons.Script":
    _main()
