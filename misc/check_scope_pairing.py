#!/usr/bin/env python3
"""Pair the scopes of many modules with CPython's symbol tables and code
objects (``nuitka/frontend/scope_pairing.py``) and report every failure.

    python misc/check_scope_pairing.py            # every module of the stdlib
    python misc/check_scope_pairing.py DIR FILE   # those

Run it with each Python version (3.10-3.13): the pairing is exact or fails a
check; this finds the checks that fail. Exit code 1 when one did.
"""

import ast
import os
import sys
import sysconfig
import time
import warnings

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from nuitka.frontend.scoping import module_scope_info  # noqa: E402


def python_files(paths):
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if d not in ("site-packages", "__pycache__"))
                for name in sorted(files):
                    if name.endswith(".py"):
                        yield os.path.join(root, name)
        else:
            yield path


def check_file(filename):
    """None when the pairing worked (or the file does not compile), else
    the error text."""
    with open(filename, "rb") as f:
        source_bytes = f.read()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            code = compile(source_bytes, filename, "exec", dont_inherit=True)
            import importlib.util

            text = importlib.util.decode_source(source_bytes)
            tree = ast.parse(text, filename)
    except (SyntaxError, ValueError, UnicodeDecodeError):
        return None
    try:
        info = module_scope_info(text, filename, code, tree)
    except Exception as e:  # noqa: BLE001
        return "%s: %s" % (type(e).__name__, e)
    # Every scope node has a table; every live one a code object.
    pairing = info.pairing
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda,
                             ast.GeneratorExp, ast.ListComp, ast.SetComp, ast.DictComp)):
            if (node, "main") not in pairing.tables and not pairing.inlined((node, "main")):
                return "no table for %s line %d" % (type(node).__name__, node.lineno)
    return None


def main(argv):
    paths = argv or [sysconfig.get_paths()["stdlib"]]
    failures = 0
    count = 0
    started = time.monotonic()
    for filename in python_files(paths):
        count += 1
        error = check_file(filename)
        if error:
            failures += 1
            print("%s: %s" % (filename, error))
    print("%s: %d files, %d failures, %.1f s" % (sys.version.split()[0], count, failures, time.monotonic() - started))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
