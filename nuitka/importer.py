"""An import hook that compiles the modules of your project on first import.

::

    import nuitka.importer
    nuitka.importer.install()                    # modules below the current folder
    nuitka.importer.install(packages=["mypkg"])  # or only these (and their submodules)

    import mypkg.fast                            # compiled now, or loaded from the cache

Each module is compiled into an extension module (``python -m nuitka
--module``) once per content: the result is cached by a hash of the
module's source, its name, the Python version and the compiler's own
sources, in ``<cache dir>/importer`` (``NUITKA_CACHE_DIR``, see the user
manual), and later imports load it from there without running the C
compiler.  When compiling fails, the module is imported as plain Python
with one ``RuntimeWarning`` saying why.

What it applies to: plain modules (``.py`` files) found on ``sys.path``
whose names are in ``packages`` (a name covers its submodules), or by
default whose file is below the current folder (your project) and not in
the standard library or site-packages.  A package's ``__init__.py`` stays
Python (its submodules are compiled).  A compiled module's ``__file__`` is
the path next to the cached extension module, not the source.
"""

import hashlib
import importlib.abc
import importlib.machinery
import os
import subprocess
import sys
import sysconfig
import tempfile
import threading
import warnings

__all__ = ["install", "uninstall", "CompilingFinder"]


def _cache_root():
    from nuitka.build.cache import get_cache_dir

    return os.path.join(str(get_cache_dir()), "importer")


def _excluded_dirs():
    paths = sysconfig.get_paths()
    dirs = {paths.get(k) for k in ("stdlib", "platstdlib", "purelib", "platlib")}
    dirs.add(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # the compiler itself
    return [os.path.realpath(d) for d in dirs if d]


def _below(path, folder):
    folder = folder.rstrip(os.sep) + os.sep
    return path.startswith(folder)


class CompilingFinder(importlib.abc.MetaPathFinder):
    """Finds modules as the path finder does, and compiles the chosen ones."""

    def __init__(self, packages=None, root=None, cache_dir=None, compiler_args=(), quiet=True):
        self.packages = list(packages) if packages is not None else None
        self.root = os.path.realpath(root or os.getcwd())
        self.cache_dir = cache_dir
        self.compiler_args = list(compiler_args)
        self.quiet = quiet
        self._excluded = _excluded_dirs()
        self._failed = set()
        self._lock = threading.Lock()
        #: name -> "cache" | "compiled" | "python": what happened (for tests).
        self.results = {}

    def _wanted(self, fullname, origin):
        if self.packages is not None:
            return any(fullname == p or fullname.startswith(p + ".") for p in self.packages)
        real = os.path.realpath(origin)
        return _below(real, self.root) and not any(_below(real, d) for d in self._excluded)

    def find_spec(self, fullname, path=None, target=None):
        if fullname in self._failed:
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if (spec is None or spec.origin is None or spec.submodule_search_locations is not None
                or not isinstance(spec.loader, importlib.machinery.SourceFileLoader)
                or not spec.origin.endswith(".py") or not self._wanted(fullname, spec.origin)):
            return None
        extension = self._extension_for(fullname, spec.origin)
        if extension is None:
            return None
        loader = importlib.machinery.ExtensionFileLoader(fullname, extension)
        return importlib.machinery.ModuleSpec(fullname, loader, origin=extension)

    # -- the cache ------------------------------------------------------------------

    def _key(self, fullname, source):
        from nuitka.caching.keys import get_compiler_hash

        digest = hashlib.sha256()
        for part in (fullname.encode(), sys.version.encode(), get_compiler_hash().encode(),
                     repr(self.compiler_args).encode(), source):
            digest.update(len(part).to_bytes(8, "little"))
            digest.update(part)
        return digest.hexdigest()

    def _extension_for(self, fullname, origin):
        try:
            with open(origin, "rb") as f:
                source = f.read()
        except OSError:
            return None
        key = self._key(fullname, source)
        folder = os.path.join(self.cache_dir or _cache_root(), key[:2], key)
        suffix = sysconfig.get_config_var("EXT_SUFFIX") or ".so"
        extension = os.path.join(folder, fullname.rpartition(".")[2] + suffix)
        if os.path.exists(extension):
            self.results[fullname] = "cache"
            return extension
        with self._lock:
            if os.path.exists(extension):
                self.results[fullname] = "cache"
                return extension
            error = self._compile(fullname, origin, folder, extension)
        if error is None:
            self.results[fullname] = "compiled"
            return extension
        self._failed.add(fullname)
        self.results[fullname] = "python"
        warnings.warn("nuitka.importer: compiling '%s' failed (%s); importing it as plain Python"
                      % (fullname, error), RuntimeWarning, stacklevel=2)
        return None

    def _compile(self, fullname, origin, folder, extension):
        """None, or why it failed. Writes into a private folder first, then
        renames it into place (another process may do the same)."""
        parent = os.path.dirname(folder)
        try:
            os.makedirs(parent, exist_ok=True)
            work = tempfile.mkdtemp(prefix=".build-", dir=parent)
        except OSError as e:
            return "cache folder not writable: %s" % e.strerror
        try:
            command = [sys.executable, "-m", "nuitka", "--module", origin,
                       "--output-dir=%s" % work, "--remove-output"] + self.compiler_args
            if self.quiet:
                command.append("--quiet")
            env = dict(os.environ)
            result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                    cwd=os.path.dirname(origin), env=env)
            if result.returncode != 0:
                lines = result.stdout.decode("utf-8", "replace").strip().splitlines()
                return lines[-1] if lines else "exit code %d" % result.returncode
            built = os.path.join(work, os.path.basename(extension))
            if not os.path.exists(built):
                return "the compiler wrote no %s" % os.path.basename(extension)
            for name in os.listdir(work):
                if name != os.path.basename(extension):
                    path = os.path.join(work, name)
                    if os.path.isfile(path):
                        os.remove(path)
            try:
                os.rename(work, folder)
            except OSError:
                if not os.path.exists(extension):  # not someone else's copy either
                    raise
            return None
        except OSError as e:
            return str(e)
        finally:
            if os.path.isdir(work):
                import shutil

                shutil.rmtree(work, ignore_errors=True)


_installed = []


def install(packages=None, root=None, cache_dir=None, compiler_args=(), quiet=True):
    """Put a :class:`CompilingFinder` first in ``sys.meta_path`` and return
    it. ``packages``: names to compile (with their submodules), default: the
    modules below ``root`` (default: the current folder). ``compiler_args``:
    more compiler options (e.g. ``["--lto=no"]``)."""
    finder = CompilingFinder(packages, root, cache_dir, compiler_args, quiet)
    sys.meta_path.insert(0, finder)
    _installed.append(finder)
    return finder


def uninstall():
    """Remove the finders :func:`install` added."""
    while _installed:
        finder = _installed.pop()
        if finder in sys.meta_path:
            sys.meta_path.remove(finder)
