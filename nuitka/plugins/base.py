"""The plugin API: a base class with a small set of hooks.

A plugin is a subclass of :class:`NuitkaPluginBase` with a ``plugin_name``.
Every hook has a default that does nothing, so a plugin overrides only what
it needs.  Hooks get plain values (module names, file names, text) and
return plain values; a plugin that cannot go on raises :class:`PluginError`
with a message for the user.  Any other exception of a plugin is reported as
a failure of that plugin (one line, exit code 1).

Decisions a plugin wants in ``--report`` are given with a reason: hooks
return ``(value, reason)`` pairs where the docstring says so.
"""


class PluginError(Exception):
    """Stops the compilation with one line: the plugin's message."""


class NuitkaPluginBase:
    #: Name used with --enable-plugin / --disable-plugin (required).
    plugin_name = None
    #: One line for --plugin-list.
    plugin_description = ""
    #: On without being named (the package knowledge plugins).
    enabled_by_default = False
    #: Switched on automatically when one of these modules becomes part of
    #: the program (e.g. ``("multiprocessing",)``).
    auto_enable_modules = ()

    def __init__(self, host):
        #: The :class:`nuitka.plugins.host.PluginHost`: options, package
        #: configuration, condition evaluator, logging.
        self.host = host

    # -- start -------------------------------------------------------------------

    def check_start(self):
        """Called once before the compilation starts: raise PluginError for
        an unusable setup (missing tool, option combination, ...)."""

    # -- modules -----------------------------------------------------------------

    def module_encountered(self, module_name, filename):
        """A module became part of the program (compiled, or carried as
        bytecode or as an extension module); ``filename`` may be None."""

    def decide_follow(self, module_name, importer_name):
        """``(True|False, reason)`` to force following (or not) an imported
        module, or None to leave the decision to the options. Not following a
        module a program needs makes its import fail at run time."""
        return None

    def decide_optional_import(self, module_name, importer_name):
        """Like :meth:`decide_follow`, asked first for imports that run only
        sometimes (inside a function, under a condition, in a ``try`` that
        catches ImportError): ``(False, reason)`` leaves this one out."""
        return None

    def implicit_imports(self, module_name, filename):
        """``(name, reason)`` pairs: modules ``module_name`` imports in a way
        the import scan cannot see (``__import__`` of computed names, C
        extensions importing Python modules)."""
        return ()

    def change_source(self, module_name, filename, source):
        """The module's source text changed before it is parsed, or None.
        Return ``(new_source, reason)``."""
        return None

    def code_before_load(self, module_name):
        """``(python_code, reason)`` run in the module's namespace before its
        body, or None."""
        return None

    def code_after_load(self, module_name):
        """``(python_code, reason)`` run in the module's namespace after its
        body, or None."""
        return None

    # -- standalone --------------------------------------------------------------

    def data_files(self, module_name, filename, is_package):
        """``(source_path, dest_relative_path, reason)`` of data files the
        module needs in a standalone folder."""
        return ()

    def dlls(self, module_name, filename, is_package):
        """``(path, dest_relative_dir, reason)`` of shared libraries the
        module loads itself (ctypes, vendored ``.libs`` folders) that the ELF
        dependency walk cannot see."""
        return ()

    # -- build -------------------------------------------------------------------

    def c_defines(self):
        """``{NAME: value}`` C preprocessor defines for the runtime and the
        generated code."""
        return {}

    def link_libraries(self):
        """Names of extra libraries to link (``-lNAME``)."""
        return ()

    def on_result(self, result_path):
        """Called with the final result (binary, extension module or
        standalone folder) after a successful build."""
