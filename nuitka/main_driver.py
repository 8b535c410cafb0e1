"""The compilation pipeline: options -> frontend -> codegen -> build -> run.

``main(argv)`` returns the process exit code. User errors (bad options,
syntax errors, unsupported constructs, build failures) are reported in one
clear message, never as a compiler traceback.
"""

import os
import shutil
import subprocess
import sys

from nuitka.session import CompilationSession


def _error(message, code=1):
    sys.stderr.write("nuitka: error: %s\n" % message)
    sys.stderr.flush()
    return code


def main(argv, nuitka_run=False):
    from nuitka.options import parse_options

    try:
        options = parse_options(argv, nuitka_run=nuitka_run)
    except SystemExit as e:
        return e.code if isinstance(e.code, int) else 2

    if options.plugin_list:
        from nuitka.plugins import PluginError, PluginHost, format_plugin_list

        try:
            host = PluginHost(options)
        except PluginError as e:
            return _error(str(e))
        sys.stdout.write(format_plugin_list(host))
        return 0

    if options.clean_cache:
        from nuitka.build.cache import clean_cache

        clean_cache(options.clean_cache)
        if options.input_path is None:
            return 0

    unsupported = options.unsupported_message()
    if unsupported:
        return _error(unsupported, 2)

    session = CompilationSession(options)
    try:
        return session.run()
    except KeyboardInterrupt:
        return _error("interrupted", 130)
    except Exception as e:  # pylint: disable=broad-except
        from nuitka.internal_error import report

        report_dir = options.output_dir if options.output_dir is not None else os.getcwd()
        return report(e, report_dir, options.verbose)


def console_main():
    sys.exit(main(sys.argv[1:]))


def console_run_main():
    sys.exit(main(sys.argv[1:], nuitka_run=True))
