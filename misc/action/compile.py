"""The "Compile" step of ``action.yml``: inputs (``INPUT_*`` environment
variables) -> one compiler command line; the result's path goes to
``$GITHUB_OUTPUT`` as ``output-path`` and ``output-dir``.

Inputs are passed through the environment, never pasted into a shell
command, so no value can inject shell code. Errors in the inputs print one
``::error::`` line (shown by GitHub as an annotation) and exit with 2.
"""

import os
import shlex
import subprocess
import sys
import sysconfig

MODES = ("accelerated", "module", "standalone", "onefile")

#: input -> (option, how): "list" = comma separated, "lines" = one value per
#: line, "value" = one value, "flag" = 'true' or 'false'.
OPTION_INPUTS = (
    ("OUTPUT_FILE", "--output-filename", "value"),
    ("FOLLOW_IMPORTS", "--follow-imports", "flag"),
    ("ENABLE_PLUGINS", "--enable-plugin", "list"),
    ("DISABLE_PLUGINS", "--disable-plugin", "list"),
    ("PYTHON_FLAG", "--python-flag", "list"),
    ("INCLUDE_MODULE", "--include-module", "list"),
    ("INCLUDE_PACKAGE", "--include-package", "list"),
    ("INCLUDE_PACKAGE_DATA", "--include-package-data", "lines"),
    ("INCLUDE_DATA_FILES", "--include-data-files", "lines"),
    ("INCLUDE_DATA_DIR", "--include-data-dir", "lines"),
    ("NOFOLLOW_IMPORT_TO", "--nofollow-import-to", "list"),
    ("USER_PACKAGE_CONFIGURATION_FILE", "--user-package-configuration-file", "value"),
    ("REPORT", "--report", "value"),
)


class InputError(Exception):
    pass


def _input(name, env):
    return env.get("INPUT_" + name, "").strip()


def _flag(name, env):
    value = _input(name, env).lower()
    if value in ("", "false", "no", "0"):
        return False
    if value in ("true", "yes", "1"):
        return True
    raise InputError("input '%s' must be 'true' or 'false', not %r"
                     % (name.lower().replace("_", "-"), value))


def mode_of(env):
    mode = _input("MODE", env) or "accelerated"
    if mode not in MODES:
        raise InputError("input 'mode' must be one of %s, not %r" % (", ".join(MODES), mode))
    for name in ("ONEFILE", "STANDALONE", "MODULE"):
        if _flag(name, env):
            mode = name.lower()
    return mode


def command_line(env, python=sys.executable):
    """The compiler's command line for the inputs in ``env``."""
    script = _input("SCRIPT_NAME", env)
    if not script:
        raise InputError("input 'script-name' is required: the program to compile")
    mode = mode_of(env)
    output_dir = _input("OUTPUT_DIR", env) or "build"
    argv = [python, "-m", "nuitka", "--output-dir=%s" % output_dir]
    if mode != "accelerated":
        argv.append("--" + mode)
    for name, option, how in OPTION_INPUTS:
        if how == "flag":
            if _flag(name, env):
                argv.append(option)
            continue
        text = _input(name, env)
        if not text:
            continue
        if how == "value":
            argv.append("%s=%s" % (option, text))
        else:
            separator = "," if how == "list" else "\n"
            argv += ["%s=%s" % (option, item.strip()) for item in text.split(separator) if item.strip()]
    try:
        argv += shlex.split(_input("EXTRA_ARGS", env))
    except ValueError as e:
        raise InputError("input 'extra-args' cannot be split like a shell does: %s" % e) from None
    argv.append(script)
    return argv, mode, output_dir, script


def output_path(mode, output_dir, script, env):
    """Where the compiler puts the result (see the user manual's layout)."""
    base = os.path.basename(os.path.normpath(script))
    name = base[:-3] if base.endswith(".py") else base
    output_file = _input("OUTPUT_FILE", env)
    if mode == "module":
        return os.path.join(output_dir, name + (sysconfig.get_config_var("EXT_SUFFIX") or ".so"))
    if mode == "standalone":
        return os.path.join(output_dir, name + ".dist")
    return os.path.join(output_dir, output_file or name + ".bin")


def main(env=None):
    env = dict(os.environ if env is None else env)
    try:
        argv, mode, output_dir, script = command_line(env)
    except InputError as e:
        print("::error::nuitka action: %s" % e)
        return 2
    print("nuitka action: %s" % " ".join(shlex.quote(a) for a in argv), flush=True)
    code = subprocess.run(argv).returncode
    if code != 0:
        return code
    result = os.path.abspath(output_path(mode, output_dir, script, env))
    github_output = env.get("GITHUB_OUTPUT")
    if github_output:
        with open(github_output, "a", encoding="utf-8") as f:
            f.write("output-path=%s\n" % result)
            f.write("output-dir=%s\n" % os.path.abspath(output_dir))
    print("nuitka action: result %s" % result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
