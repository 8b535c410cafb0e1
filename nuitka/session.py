"""One compilation session: carries the options through the stages.

There is no global state: every stage gets what it needs from here.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path


class CompilationSession:
    def __init__(self, options):
        self.options = options

    def log(self, message):
        if self.options.show_progress or self.options.verbose:
            sys.stderr.write("nuitka: %s\n" % message)

    def run(self):
        from nuitka.build.builder import build
        from nuitka.build.errors import BuildError
        from nuitka.build.spec import BuildSpec
        from nuitka.codegen.module import generate_module_code, generate_program_code
        from nuitka.frontend.building import UnsupportedConstruct, build_module_tree
        from nuitka.frontend.source import SourceSyntaxError, compile_source, read_source_bytes

        options = self.options
        main_path = os.path.abspath(str(options.input_path))
        output_path = Path(options.output_binary_path())
        build_dir = Path(options.build_dir_path())

        try:
            source_bytes = read_source_bytes(main_path)
        except OSError as e:
            sys.stderr.write("nuitka: error: cannot read '%s': %s\n" % (main_path, e.strerror))
            return 1
        try:
            source_text, code = compile_source(source_bytes, main_path)
        except SourceSyntaxError as e:
            sys.stderr.write(e.text)
            self._remove_stale_output(output_path)
            return 1

        self.log("building node tree of '%s'" % main_path)
        try:
            module = build_module_tree(main_path, source_text, code, "__main__")
        except UnsupportedConstruct as e:
            sys.stderr.write("nuitka: error: %s\n" % e)
            self._remove_stale_output(output_path)
            return 1

        if options.xml:
            xml = "\n".join(scope.to_xml() for scope in module.all_scopes) + "\n"
            if options.xml_output:
                Path(options.xml_output).write_text(xml)
            else:
                sys.stdout.write(xml)

        self.log("generating C code")
        module_c, module_ctx = generate_module_code(module, "__main__", main_path)
        program_c = generate_program_code(
            [("__main__", module_ctx.c_prefix)], "__main__", sys.executable, main_path
        )
        build_dir.mkdir(parents=True, exist_ok=True)
        sources = []
        for name, text in (("module.__main__.c", module_c), ("__program.c", program_c)):
            path = build_dir / name
            _write_if_changed(path, text)
            sources.append(path)

        spec = BuildSpec(
            build_dir=build_dir,
            c_sources=sources,
            output_path=output_path,
            target="exe",
            jobs=options.jobs,
            lto=options.lto,
            clang=options.clang,
            show_scons=options.show_scons,
            quiet=not (options.show_progress or options.verbose),
        )
        self.log("building '%s'" % output_path)
        try:
            build(spec)
        except BuildError as e:
            sys.stderr.write("nuitka: error: %s\n" % e)
            return 1
        finally:
            if options.remove_output:
                shutil.rmtree(build_dir, ignore_errors=True)

        if options.run:
            sys.stdout.flush()
            sys.stderr.flush()
            result = subprocess.run([str(output_path)] + list(options.program_args))
            return result.returncode
        return 0

    @staticmethod
    def _remove_stale_output(output_path):
        try:
            output_path.unlink()
        except OSError:
            pass


def _write_if_changed(path, text):
    """Keep the file's timestamp when nothing changed (no rebuild)."""
    try:
        if path.read_text() == text:
            return
    except OSError:
        pass
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(text)
    os.replace(tmp, path)
