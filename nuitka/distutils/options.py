"""Compiler options given to wheel builds, in every form the user manual
shows, turned into command line arguments.

``setup(command_options={"nuitka": {...}})`` values::

    '--show-scons': True            # a flag
    '--clang': None                 # a flag
    '--enable-plugin': "pyside2"    # --enable-plugin=pyside2
    '--nofollow-import-to': ["*.tests", "*.distutils"]   # given twice
    '--lto': ("setup.py", "no")     # setuptools' (source, value) pairs

``[tool.nuitka]`` in pyproject.toml: the same without the leading dashes
(``show-scons = true``, ``nofollow-import-to = ["*.tests"]``); ``false``
leaves an option out.  ``[tool.nuitka.package.NAME]`` tables hold options
for the compilation of one top-level package only.
"""


class WheelOptionError(Exception):
    """A malformed option value: one line saying which and why."""


def option_arguments(options, where):
    """``{name: value}`` -> ``["--name=value", ...]``."""
    if options is None:
        return []
    if not isinstance(options, dict):
        raise WheelOptionError("%s: expected a table/dict of compiler options, got %s"
                               % (where, type(options).__name__))
    result = []
    for name, value in options.items():
        if not isinstance(name, str) or not name.strip("-"):
            raise WheelOptionError("%s: option name %r is not a string" % (where, name))
        if isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], str):
            value = value[1]  # setuptools' (source, value) form
        flag = name if name.startswith("-") else "--" + name
        if value is True or value is None or value == "":
            result.append(flag)
        elif value is False:
            continue
        elif isinstance(value, (str, int, float)) and not isinstance(value, bool):
            result.append("%s=%s" % (flag, value))
        elif isinstance(value, (list, tuple)):
            for item in value:
                if isinstance(item, bool) or not isinstance(item, (str, int, float)):
                    raise WheelOptionError("%s: %s: list items must be strings, got %r" % (where, flag, item))
                result.append("%s=%s" % (flag, item))
        else:
            raise WheelOptionError(
                "%s: %s: value %r is not a flag (true), a string, a number or a list of strings"
                % (where, flag, value)
            )
    return result


def pyproject_options(project_dir):
    """``(global_args, {package: args})`` from ``[tool.nuitka]``."""
    import os

    path = os.path.join(project_dir, "pyproject.toml")
    if not os.path.exists(path):
        return [], {}
    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib
    try:
        with open(path, "rb") as f:
            data = tomllib.load(f)
    except (OSError, ValueError) as e:
        raise WheelOptionError("%s: cannot read: %s" % (path, e)) from None
    table = data.get("tool", {}).get("nuitka", {})
    if not isinstance(table, dict):
        raise WheelOptionError("%s: [tool.nuitka] must be a table" % path)
    table = dict(table)
    per_package = table.pop("package", {})
    if not isinstance(per_package, dict):
        raise WheelOptionError("%s: [tool.nuitka.package] must hold tables named after packages" % path)
    global_args = option_arguments(table, "%s [tool.nuitka]" % path)
    packages = {
        name: option_arguments(value, "%s [tool.nuitka.package.%s]" % (path, name))
        for name, value in per_package.items()
    }
    return global_args, packages
