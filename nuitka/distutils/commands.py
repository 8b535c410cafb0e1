"""setuptools commands: ``bdist_nuitka`` and ``build_with_nuitka``.

``bdist_nuitka`` is ``bdist_wheel`` with one step more: after ``build``
put the pure Python packages into the build folder, every top-level package
(and top-level module) of the distribution is compiled there into one
extension module (``--module PKG --include-package=PKG``), and its ``.py``
files are removed; data files stay where ``build_py`` put them, next to the
extension module, which finds them through its ``__path__``.  The wheel is
then made by ``bdist_wheel`` itself (platform tagged, not pure).
"""

import configparser
import os
import shutil
import subprocess
import sys

try:  # setuptools >= 70.1 has it built in
    from setuptools.command.bdist_wheel import bdist_wheel as _bdist_wheel
except ImportError:  # pragma: no cover - older setuptools with the wheel package
    from wheel.bdist_wheel import bdist_wheel as _bdist_wheel

try:
    from setuptools.errors import PlatformError as _BuildError
except ImportError:  # pragma: no cover
    from distutils.errors import DistutilsError as _BuildError

from .options import WheelOptionError, option_arguments, pyproject_options

#: Set by the PEP 517 backend: bdist_wheel means bdist_nuitka.
FORCE_ENVIRONMENT = "NUITKA_BUILD_WITH_NUITKA"


def top_level_names(distribution):
    """``[(name, is_package)]`` of the distribution's top-level packages and
    modules, sorted."""
    result = {}
    for package in distribution.packages or ():
        result.setdefault(package.split(".")[0], True)
    for module in distribution.py_modules or ():
        if "." not in module:
            result.setdefault(module, False)
    return sorted(result.items())


class bdist_nuitka(_bdist_wheel):
    description = "create a wheel whose packages are compiled extension modules (nuitka)"

    def finalize_options(self):
        # Extension modules inside: a platform wheel, installed to platlib
        # (the root of the wheel, not "NAME.data/purelib").
        self.distribution.has_ext_modules = lambda: True
        super().finalize_options()
        self.root_is_pure = False

    def run(self):
        self.run_command("build")
        build_lib = os.path.abspath(self.get_finalized_command("build_py").build_lib)
        self._compile_all(build_lib)
        # bdist_wheel would run "build" again, which copies the .py files back.
        self.skip_build = True
        super().run()

    # -- compiling ------------------------------------------------------------------------

    def _options(self):
        try:
            setup_args = option_arguments(
                self.distribution.command_options.get("nuitka"), "command_options['nuitka']"
            )
            global_args, per_package = pyproject_options(os.getcwd())
        except WheelOptionError as e:
            raise _BuildError("bdist_nuitka: %s" % e) from None
        return setup_args + global_args, per_package

    def _compile_all(self, build_lib):
        common, per_package = self._options()
        names = top_level_names(self.distribution)
        unknown = sorted(set(per_package) - {name for name, _ in names})
        if unknown:
            raise _BuildError("bdist_nuitka: [tool.nuitka.package] names %s, which the "
                              "distribution does not have" % ", ".join(unknown))
        for name, is_package in names:
            self._compile(build_lib, name, is_package, common + per_package.get(name, []))

    def _compile(self, build_lib, name, is_package, extra_args):
        source = os.path.join(build_lib, name if is_package else name + ".py")
        if is_package and not os.path.exists(os.path.join(source, "__init__.py")):
            # A namespace package: compile what is inside it, one by one.
            for entry in sorted(os.listdir(source)):
                path = os.path.join(source, entry)
                if entry.endswith(".py") or os.path.exists(os.path.join(path, "__init__.py")):
                    self._compile_namespace_part(build_lib, name, entry, extra_args)
            return
        command = [sys.executable, "-m", "nuitka", "--module", source,
                   "--output-dir=%s" % build_lib, "--remove-output"]
        if is_package:
            command.append("--include-package=%s" % name)
        command += extra_args
        self.announce("compiling %s: %s" % (name, " ".join(command)), level=2)
        result = subprocess.run(command, cwd=build_lib)
        if result.returncode != 0:
            raise _BuildError("bdist_nuitka: compiling '%s' failed (exit code %d); "
                              "the compiler's message is above" % (name, result.returncode))
        _remove_sources(source, is_package)

    def _compile_namespace_part(self, build_lib, namespace, entry, extra_args):
        folder = os.path.join(build_lib, namespace)
        is_package = not entry.endswith(".py")
        name = entry if is_package else entry[:-3]
        source = os.path.join(folder, entry)
        command = [sys.executable, "-m", "nuitka", "--module", source,
                   "--output-dir=%s" % folder, "--remove-output"]
        if is_package:
            command.append("--include-package=%s.%s" % (namespace, name))
        command += extra_args
        result = subprocess.run(command, cwd=build_lib)
        if result.returncode != 0:
            raise _BuildError("bdist_nuitka: compiling '%s.%s' failed (exit code %d)"
                              % (namespace, name, result.returncode))
        _remove_sources(source, is_package)


def _remove_sources(source, is_package):
    """The compiled Python sources go; data files stay."""
    if not is_package:
        os.remove(source)
        return
    for dirpath, dirnames, filenames in os.walk(source):
        if "__pycache__" in dirnames:
            shutil.rmtree(os.path.join(dirpath, "__pycache__"))
            dirnames.remove("__pycache__")
        for filename in filenames:
            if filename.endswith((".py", ".pyc")):
                os.remove(os.path.join(dirpath, filename))
    # Folders left empty (pure code subpackages) are not needed.
    for dirpath, dirnames, filenames in sorted(os.walk(source), reverse=True):
        if not os.listdir(dirpath):
            os.rmdir(dirpath)


# -- build_with_nuitka ---------------------------------------------------------------------


def _true(value):
    return str(value).strip().lower() in ("1", "true", "yes", "on")


def _setup_cfg_says_so(directory):
    parser = configparser.ConfigParser()
    try:
        parser.read(os.path.join(directory, "setup.cfg"))
    except configparser.Error:
        return False
    for section in ("metadata", "options"):
        if parser.has_option(section, "build_with_nuitka"):
            return _true(parser.get(section, "build_with_nuitka"))
    return False


def build_with_nuitka_keyword(dist, attr, value):
    """``setup(build_with_nuitka=True)`` (entry point distutils.setup_keywords)."""
    if _true(value):
        dist.cmdclass["bdist_wheel"] = bdist_nuitka


def finalize_distribution_options(dist):
    """Entry point setuptools.finalize_distribution_options: with
    ``build_with_nuitka = true`` in setup.cfg (or the PEP 517 backend),
    ``bdist_wheel`` is ``bdist_nuitka``."""
    if os.environ.get(FORCE_ENVIRONMENT) == "1" or _setup_cfg_says_so(dist.src_root or os.getcwd()):
        dist.cmdclass["bdist_wheel"] = bdist_nuitka


# setuptools sorts these hooks by "order"; ours only touches cmdclass.
finalize_distribution_options.order = 100
