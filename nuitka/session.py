"""One compilation session: carries the options through the stages.

There is no global state: every stage gets what it needs from here.  The
stages of :meth:`CompilationSession.run`:

1. ``collect``: the module graph (``nuitka.modules``): the main file(s), the
   modules its imports lead to (``--follow-imports`` & co.) and the included
   ones;
2. ``generate``: one C file per module (``nuitka.pipeline``, through
   the compile cache), then the program file with the module tables
   (``nuitka.codegen.program``);
3. ``build``: SCons, to a program or an extension module (``--module``);
4. ``run`` (``--run``).
"""

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path


class CompilationError(Exception):
    """Ends the compilation with exit code 1 after ``text`` was printed."""

    def __init__(self, text):
        super().__init__(text)
        self.text = text


class CompilationSession:
    def __init__(self, options):
        self.options = options
        self.graph = None
        #: The nuitka.plugins.PluginHost (made by run()).
        self.plugins = None
        #: ``(module, ModuleCode)`` of every compiled module, mains first.
        self.generated = []
        #: ``DataFile`` records for the dist folder (nuitka.standalone.data_files).
        self.data_files = []
        from nuitka.reports.timing import Timings

        #: Time per stage (``--report``).
        self.timings = Timings()
        #: name -> why a module found for compilation was not compiled.
        self.dropped = {}
        #: Files the standalone stage put into the dist folder besides the
        #: modules: ``{"kind": "data-file"|"dll", "dest", "source", "reason"}``.
        self.copied_files = []
        #: Standalone: the ``CarriedModules`` (bytecode, extension modules).
        self.carried = None
        #: What the build stage used (compiler, flags; ``BuildSpec.info``).
        self.build_info = {}
        #: ``--report-template``: loaded templates (nuitka.reports.templates).
        self.report_templates = []
        from nuitka.utils.progress import NullProgress

        #: Progress display of the long stages (nuitka.utils.progress).
        self.progress = NullProgress()

    def log(self, message):
        if self.options.show_progress or self.options.verbose:
            self.progress.write("nuitka: %s\n" % message)

    def note(self, message):
        if not self.options.quiet:
            self.progress.write("nuitka: note: %s\n" % message)

    def warn(self, message):
        if not self.options.quiet:
            self.progress.write("nuitka: warning: %s\n" % message)

    def run(self):
        self._started = time.monotonic()
        from nuitka.utils.progress import make_progress

        self.progress = make_progress(self.options)
        from nuitka.caching import CompileCache

        options = self.options
        output_path = Path(options.output_binary_path())
        build_dir = Path(options.build_dir_path())
        from nuitka.caching.fallback import can_create_below, ensure_writable_caches

        output_base = build_dir.parent
        if not can_create_below(output_base):
            # (A read-only source tree compiled in place, a sandbox.)
            sys.stderr.write(
                "nuitka: error: the output folder '%s' is not writable; give a writable "
                "one with --output-dir\n" % output_base
            )
            return 1
        # Sandboxed builds (HOME missing or read-only): caches in build_dir.
        ensure_writable_caches(build_dir, note=self.note, temporary=options.remove_output)
        cache = CompileCache.from_options(options, log=self.log)
        from nuitka.plugins import PluginError, PluginHost
        from nuitka.reports.templates import TemplateError, load_templates

        try:
            # (Checked first: a bad template costs no compilation.)
            self.report_templates = load_templates(options.report_templates)
        except TemplateError as e:
            sys.stderr.write("nuitka: error: %s\n" % e)
            return 1
        if options.onefile:
            from nuitka.onefile import OnefileError, OnefileSettings, check_prerequisites

            try:
                # (Checked first: a missing zstandard or libzstd.a costs no compilation.)
                check_prerequisites(OnefileSettings.from_options(options))
            except OnefileError as e:
                sys.stderr.write("nuitka: error: %s\n" % e)
                return 1

        try:
            try:
                self.plugins = PluginHost(options, log=self.log, warn=self.warn)
                self.plugins.check_start()
                with self.timings.stage("import-scan"):
                    self.collect_modules()
                self.collect_data_files()
                sources = self.generate_code(cache, build_dir)
                if options.is_standalone():
                    from nuitka.standalone import build_standalone

                    build_standalone(self, cache, build_dir, sources)
                else:
                    self.build(cache, build_dir, sources, output_path)
                self.plugins.on_result(str(output_path))
            except PluginError as e:
                raise CompilationError("nuitka: error: %s\n" % e) from None
        except CompilationError as e:
            sys.stderr.write(e.text)
            sys.stderr.flush()
            self._remove_stale_output(output_path)
            if options.is_standalone():
                shutil.rmtree(options.dist_dir_path(), ignore_errors=True)
            self._write_report(cache, 1)
            return 1
        if not self._write_report(cache, 0):
            return 1

        if options.run:
            sys.stdout.flush()
            sys.stderr.flush()
            if options.module:
                # An extension module is "run" by importing it (as Nuitka).
                name = self.graph.mains[0].name
                result = subprocess.run(
                    [sys.executable, "-c", "import %s" % name] + list(options.program_args),
                    cwd=str(output_path.parent),
                )
            else:
                result = subprocess.run([str(output_path)] + list(options.program_args))
            return result.returncode
        return 0

    # -- stage 1: which modules -----------------------------------------------

    def _main_module_name(self, path):
        """Run time name of the main file: ``__main__`` for programs, the
        file's (or package folder's) name for ``--module``."""
        if not self.options.module:
            if path.is_dir():
                # A folder run as `python DIR`: its __main__.py.
                return "__main__", str(path / "__main__.py"), False
            return "__main__", str(path), False
        if path.is_dir():
            return path.name, str(path / "__init__.py"), True
        return path.stem, str(path), False

    def collect_modules(self):
        from nuitka.modules.finder import ModuleFinder, default_search_path
        from nuitka.modules.graph import FollowPolicy, ModuleGraph, ModuleGraphError

        options = self.options
        mains = [Path(os.path.abspath(str(p))) for p in (options.main_paths or [options.input_path])]
        first_dir = mains[0] if mains[0].is_dir() else mains[0].parent
        if options.module:
            # The package's (or module's) folder is where its siblings are.
            search_path = default_search_path(str(first_dir.parent if mains[0].is_dir() else first_dir))
        else:
            search_path = default_search_path(str(first_dir))
            for extra in mains[1:]:
                if str(extra.parent) not in search_path:
                    search_path.insert(1, str(extra.parent))
        for directory in options.include_plugin_directories:
            search_path.append(os.path.abspath(str(directory)))
        follow_imports = options.follow_imports
        if follow_imports is None and options.is_standalone():
            # Standalone: every import outside the standard library is
            # compiled (the standard library is carried as bytecode).
            follow_imports = True
        policy = FollowPolicy(
            follow_imports=follow_imports,
            follow_import_to=list(options.follow_import_to),
            nofollow_import_to=list(options.nofollow_import_to),
        )
        graph = ModuleGraph(ModuleFinder(search_path), policy, log=self.log, plugins=self.plugins,
                            warn_missing=self.warn if options.is_standalone() else self.log)
        self.graph = graph
        for path in mains:
            name, filename, is_package = self._main_module_name(path)
            graph.add_main(filename, name, is_package)
        #: Standalone: included modules that are carried, not compiled.
        self.carried_includes = []
        try:
            for name in options.include_modules:
                if options.is_standalone() and self._carried_include(graph, name):
                    continue
                graph.include_module(name)
            for name in options.include_packages:
                # (With --module of that package: the main module is reused.)
                graph.include_package(name)
            for directory in options.include_plugin_directories:
                graph.include_plugin_directory(os.path.abspath(str(directory)))
        except ModuleGraphError as e:
            raise CompilationError("nuitka: error: %s\n" % e) from None

    def _carried_include(self, graph, name):
        """Standalone: ``--include-module`` of an extension module or of a
        standard library module (not named by ``--follow-import-to``) ships
        it as it is (extension / bytecode) instead of compiling it."""
        from nuitka.modules.graph import pattern_matches

        info = graph.finder.find(name)
        if info.kind == "extension" or (info.is_stdlib and info.kind != "missing"
                                        and not pattern_matches(name, self.options.follow_import_to)):
            self.carried_includes.append(name)
            return True
        return False

    def collect_data_files(self):
        """Check the data file options (in every mode; only the standalone
        folder receives the files)."""
        options = self.options
        if not (options.include_data_files or options.include_data_dirs or options.include_package_data
                or options.noinclude_data_files):
            return
        from nuitka.standalone.data_files import DataFileError, collect_data_files

        try:
            self.data_files = collect_data_files(options, self.graph, warn=self.warn)
        except DataFileError as e:
            raise CompilationError("nuitka: error: %s\n" % e.message) from None
        for item in self.data_files:
            self.log("data file '%s' from '%s'" % (item.dest, item.source))
        if self.data_files and not options.is_standalone():
            self.log("data files are only copied in standalone mode; here they stay where they are")

    def _code_filename(self, module):
        """``co_filename`` of a module's code as compiled: relative to the
        standalone folder or to the extension module (the runtime makes it
        the absolute ``__file__`` where the result runs, so no build path is
        in the result: reproducible builds), the source path otherwise."""
        options = self.options
        graph = self.graph
        is_main = any(module is main for main in graph.mains)
        if options.module:
            base_parts = len(graph.mains[0].name.split(".")) - 1
            parts = module.name.split(".")[base_parts:]
            return "/".join(parts) + ("/__init__.py" if module.is_package else ".py")
        if options.is_standalone():
            if is_main:
                return Path(module.filename).name
            from nuitka.standalone import module_dist_path

            return module_dist_path(module.name, module.is_package)
        return self._runtime_relative(module.filename)

    def _runtime_relative(self, filename):
        """Accelerated mode with ``--file-reference-choice=runtime``: the
        name of a file below the program's folder relative to the binary's
        folder (the runtime joins it to where the binary is); None for
        other files (the Python installation's are at the same place on
        every build) and without that choice."""
        options = self.options
        if filename is None or not options.relative_file_references():
            return None
        roots = [os.path.dirname(os.path.abspath(main.filename)) for main in self.graph.mains]
        root = os.path.commonpath(roots)
        path = os.path.abspath(filename)
        if os.path.commonpath([path, root]) != root:
            return None
        binary_dir = os.path.dirname(os.path.abspath(options.output_binary_path()))
        return os.path.relpath(path, binary_dir)

    def _plugin_source(self, module, source_bytes):
        """The module's source after the plugins' changes (anti-bloat)."""
        from nuitka.plugins import PluginError

        try:
            text, encoding = _decode_source(source_bytes)
        except (SyntaxError, UnicodeDecodeError, LookupError):
            return source_bytes  # reported by the frontend as it would be
        from nuitka.plugins.load_code import add_code_to_source

        try:
            changed = self.plugins.change_source(module.name, module.filename, text)
            before, after = self.plugins.load_code(module.name)
            changed = add_code_to_source(changed, before, after)
        except PluginError as e:
            raise CompilationError("nuitka: error: %s\n" % e) from None
        except SyntaxError as e:
            raise CompilationError("nuitka: error: the plugins' code for '%s' is not valid: %s\n"
                                   % (module.name, e)) from None
        if changed == text:
            return source_bytes
        try:
            return changed.encode(encoding)
        except UnicodeEncodeError:
            raise CompilationError(
                "nuitka: error: the plugins' changes of '%s' cannot be written in its "
                "encoding %s\n" % (module.filename, encoding)
            ) from None

    # -- stage 2: C code ------------------------------------------------------------

    def _generate_modules(self, cache, progress, unique_prefix, c_files, xml_parts, optimize,
                          strip_docstrings, no_annotations):
        """The C code of every module of the graph (its queue grows as the
        imports of each module are scanned)."""
        from nuitka.frontend.building import UnsupportedConstruct
        from nuitka.frontend.source import SourceSyntaxError, read_source_bytes
        from nuitka.pipeline import generate_module_c

        options = self.options
        graph = self.graph
        done = 0
        while True:
            module = graph.next_module()
            if module is None:
                break
            progress.update(done, done + 1 + graph.pending(), module.name)
            done += 1
            try:
                source_bytes = read_source_bytes(module.filename)
            except OSError as e:
                if module.required:
                    raise CompilationError(
                        "nuitka: error: cannot read '%s': %s\n" % (module.filename, e.strerror)
                    ) from None
                self.warn("not compiling '%s': %s" % (module.name, e.strerror))
                self.dropped[module.name] = "cannot be read: %s" % e.strerror
                graph.drop(module)
                continue
            source_bytes = self._plugin_source(module, source_bytes)
            with self.timings.stage("import-scan"):
                graph.scan(module, _parse_for_scan(source_bytes, module.filename))
            prefix = unique_prefix(module)
            holder = {}

            code_filename = self._code_filename(module)

            def produce(module=module, source_bytes=source_bytes, prefix=prefix, holder=holder,
                        code_filename=code_filename):
                code = generate_module_c(
                    module.filename, module.name, prefix, source_bytes,
                    want_xml=options.xml, log=self.log,
                    optimize=optimize, strip_docstrings=strip_docstrings,
                    no_annotations=no_annotations, code_filename=code_filename,
                    timings=self.timings,
                )
                holder["xml"] = code.xml
                holder["explanations"] = code.explanations
                return code.c_text, {"c_prefix": code.c_prefix}

            try:
                c_text, meta = cache.generate_module_cached(
                    module.name, module.filename, source_bytes, produce,
                    extra=(("c_prefix", prefix), ("is_package", str(module.is_package)),
                           ("code_filename", code_filename or "")),
                )
            except SourceSyntaxError as e:
                if module.required and not module.scanned:
                    raise CompilationError(e.text) from None
                # Left to the import system: it raises the SyntaxError at run time.
                self.warn("not compiling '%s': it has a syntax error" % module.name)
                self.dropped[module.name] = "it has a syntax error"
                graph.drop(module)
                continue
            except UnsupportedConstruct as e:
                if module.required:
                    raise CompilationError("nuitka: error: %s\n" % e) from None
                self.warn("not compiling '%s' (imported from source at run time): %s" % (module.name, e))
                self.dropped[module.name] = "unsupported construct: %s" % e
                graph.drop(module)
                continue
            except Exception as e:  # pylint: disable=broad-except
                # A compiler bug in a module that was only followed: the
                # program still works with that module imported from source.
                if module.required:
                    raise
                where = getattr(e, "line", None)
                self.warn(
                    "not compiling '%s' (imported from source at run time): internal error of the "
                    "compiler%s: %s (please report it)"
                    % (module.name, " at line %d" % where if where else "", e)
                )
                self.dropped[module.name] = "internal error of the compiler: %s" % e
                graph.drop(module)
                continue
            if holder.get("xml"):
                xml_parts.append(holder["xml"])
            if options.explain_optimizations and holder.get("explanations"):
                sys.stdout.write(holder["explanations"])
                sys.stdout.flush()
            file_name = "module.%s.c" % (module.name if module.name != "__main__" else prefix[2:])
            if module is graph.mains[0] and not options.module:
                file_name = "module.__main__.c"
            cache.register_c_file(file_name, module.name)
            c_files.append((file_name, c_text))
            self.generated.append((module, meta["c_prefix"]))

        progress.update(done, done)

    def generate_code(self, cache, build_dir):
        from nuitka.codegen.program import generate_extension_module_file, generate_program_file
        from nuitka.pipeline import c_identifier
        from nuitka.python_flags import compile_settings, runtime_bits

        options = self.options
        graph = self.graph
        optimize, strip_docstrings, no_annotations = compile_settings(options.python_flags)
        used_prefixes = set()
        c_files = []
        xml_parts = []

        def unique_prefix(module):
            base = "m_" + c_identifier(module.name)
            if module.name == "__main__" and len(graph.mains) > 1 and module is not graph.mains[0]:
                base += "_" + c_identifier(Path(module.filename).stem)
            prefix, n = base, 1
            while prefix in used_prefixes:
                n += 1
                prefix = "%s_%d" % (base, n)
            used_prefixes.add(prefix)
            return prefix

        with self.progress.stage("C code", "modules") as progress:
            self._generate_modules(cache, progress, unique_prefix, c_files, xml_parts, optimize,
                                   strip_docstrings, no_annotations)

        if options.xml:
            xml = "".join(xml_parts)
            if options.xml_output:
                Path(options.xml_output).write_text(xml)
            else:
                sys.stdout.write(xml)

        prefixes = {id(module): prefix for module, prefix in self.generated}
        embedded = [
            module for module in graph.compiled_modules()
            if not any(module is main for main in graph.mains) and id(module) in prefixes
        ]
        if options.module:
            main = graph.mains[0]
            top = main.name.split(".")
            base_parts = len(top) - 1

            def relative(module):
                parts = module.name.split(".")[base_parts:]
                return "/".join(parts) + ("/__init__.py" if module.is_package else ".py")

            program_c = generate_extension_module_file(
                (main.name, prefixes[id(main)], main.is_package, relative(main)),
                [(m.name, prefixes[id(m)], m.is_package, relative(m)) for m in embedded],
            )
        elif options.is_standalone():
            # File names relative to the dist folder (nuitka/standalone).
            from nuitka.standalone import module_dist_path

            program_c = generate_program_file(
                [(m.name, prefixes[id(m)], m.is_package, module_dist_path(m.name, m.is_package))
                 for m in embedded],
                [
                    (Path(m.filename).stem, prefixes[id(m)], Path(m.filename).name)
                    for m in graph.mains
                ],
                sys.executable,
                list(options.nofollow_import_to),
                standalone=True,
                python_flags=runtime_bits(options.python_flags),
                self_execution_guard=options.deployment_flag_enabled("self-execution"),
            )
        else:
            def reference(module):
                return self._runtime_relative(module.filename) or module.filename

            program_c = generate_program_file(
                [(m.name, prefixes[id(m)], m.is_package, reference(m)) for m in embedded],
                [
                    (_entry_name(path), prefixes[id(m)], reference(m))
                    for m, path in zip(graph.mains, options.main_paths or [options.input_path])
                ],
                sys.executable,
                list(options.nofollow_import_to),
                python_flags=runtime_bits(options.python_flags),
                self_execution_guard=options.deployment_flag_enabled("self-execution"),
                relative_files=options.relative_file_references(),
            )
        c_files.append(("__program.c", program_c))
        self.log(
            "compiled modules: %s" % ", ".join(m.name for m in graph.mains + embedded)
        )
        return c_files

    # -- stage 3: build ---------------------------------------------------------------

    def build(self, cache, build_dir, c_files, output_path):
        from nuitka.build.builder import build
        from nuitka.build.errors import BuildError
        from nuitka.build.spec import BuildSpec

        options = self.options
        # A concurrent compilation into the same build folder waits here.
        build_dir_lock = cache.lock_build_dir(build_dir)
        try:
            build_dir.mkdir(parents=True, exist_ok=True)
            sources = []
            for name, text in c_files:
                path = build_dir / name
                _write_if_changed(path, text)
                sources.append(path)
            spec = BuildSpec(
                build_dir=build_dir,
                c_sources=sources,
                output_path=output_path,
                target="module" if options.module else "exe",
                # 0: the CPU count, or a compile farm's slot count.
                jobs=options.jobs if options.jobs_given else 0,
                lto=options.lto,
                clang=options.clang,
                show_scons=options.show_scons,
                quiet=not (options.show_progress or options.verbose),
                object_cache=cache.object_cache,
                progress=self.progress,
                runtime_cache_dir=(
                    build_dir / "_runtime" if options.is_cache_disabled("runtime") else None
                ),
            )
            self.log("building '%s'" % output_path)
            self.build_info = spec.info
            with self.timings.stage("c-compile"):
                build(spec)
        except BuildError as e:
            raise CompilationError("nuitka: error: %s\n" % e) from None
        finally:
            if options.remove_output:
                shutil.rmtree(build_dir, ignore_errors=True)
            build_dir_lock.release()

    def _write_report(self, cache, exit_code):
        """``--report=FILE`` (the XML compilation report) and
        ``--report-template``, see nuitka.reports; False when a template
        failed to render (said in one line)."""
        if self.options.report_path or self.report_templates:
            from nuitka.reports import write_reports
            from nuitka.reports.templates import TemplateError

            self.timings.seconds["total"] = time.monotonic() - self._started
            try:
                write_reports(self, cache, exit_code, sys.argv[1:])
            except TemplateError as e:
                sys.stderr.write("nuitka: error: %s\n" % e)
                return False
        return True

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


def _decode_source(source_bytes):
    import io
    import tokenize

    encoding, _ = tokenize.detect_encoding(io.BytesIO(source_bytes).readline)
    return source_bytes.decode(encoding), encoding


def _parse_for_scan(source_bytes, filename):
    """The tree the import scan looks at, or None (a syntax error is
    reported later, where it belongs)."""
    import ast

    try:
        return ast.parse(source_bytes, filename)
    except (SyntaxError, ValueError):
        return None


def _entry_name(path):
    """Name a multidist binary is started with to run this main program:
    the file's stem, or a program folder's name."""
    path = Path(path)
    return path.name if path.is_dir() else path.stem
