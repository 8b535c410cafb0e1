"""The plugin host: which plugins are on, and calling their hooks.

One :class:`PluginHost` per compilation (the session carries it).  It

* knows the standard plugins (:data:`STANDARD_PLUGINS`), switches them by
  ``--enable-plugin``/``--disable-plugin``, their defaults and their
  ``auto_enable_modules``, and loads ``--user-plugin`` files;
* loads the package configuration (standard YAML files and
  ``--user-package-configuration-file``);
* calls hooks, turning a plugin's exception into one clear
  :class:`PluginError` naming the plugin and the hook;
* records every decision with its plugin and reason (``decisions``) for
  ``--report``.
"""

import importlib
import importlib.util
import inspect
import os
from dataclasses import dataclass

from .base import NuitkaPluginBase, PluginError
from .conditions import ConditionError, ConditionEvaluator, condition_names
from .package_config import PackageConfigError, PackageConfiguration

#: Modules of the standard plugins (each defines one plugin class).
STANDARD_PLUGIN_MODULES = (
    "nuitka.plugins.standard.anti_bloat",
    "nuitka.plugins.standard.implicit_imports",
    "nuitka.plugins.standard.data_files",
    "nuitka.plugins.standard.dll_files",
    "nuitka.plugins.standard.options_check",
    "nuitka.plugins.standard.package_metadata",
    "nuitka.plugins.standard.tk_inter",
    "nuitka.plugins.standard.package_data",
)


@dataclass
class Decision:
    plugin: str
    module: str
    kind: str  # "follow", "nofollow", "implicit-import", "source", "data-file", "dll", ...
    detail: str
    reason: str


def _plugin_classes(module):
    return [
        value for value in vars(module).values()
        if inspect.isclass(value) and issubclass(value, NuitkaPluginBase)
        and value is not NuitkaPluginBase and value.__module__ == module.__name__
    ]


def standard_plugin_classes():
    result = []
    for name in STANDARD_PLUGIN_MODULES:
        result.extend(_plugin_classes(importlib.import_module(name)))
    return result


def load_user_plugin(path):
    """The plugin classes of a user's plugin file."""
    path = os.path.abspath(str(path))
    if not os.path.isfile(path):
        raise PluginError("--user-plugin=%s: no such file" % path)
    module_name = "nuitka_user_plugin_%d" % (abs(hash(path)) % 10**8)
    spec = importlib.util.spec_from_file_location(module_name, path)
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except Exception as e:  # pylint: disable=broad-except
        raise PluginError("--user-plugin=%s: loading it failed: %s: %s"
                          % (path, type(e).__name__, e)) from None
    classes = [c for c in _plugin_classes(module) if c.plugin_name]
    if not classes:
        raise PluginError("--user-plugin=%s: defines no plugin (a subclass of "
                          "nuitka.plugins.NuitkaPluginBase with a plugin_name)" % path)
    return classes


def compilation_mode(options):
    if getattr(options, "module", False):
        return "module"
    if getattr(options, "onefile", False):
        return "onefile"
    if getattr(options, "standalone", False):
        return "standalone"
    return "accelerated"


class PluginHost:
    def __init__(self, options, log=None, warn=None, config_files=None):
        self.options = options
        self.log = log or (lambda message: None)
        self.warn = warn or (lambda message: None)
        self.mode = compilation_mode(options)
        #: The module graph's :class:`nuitka.modules.integrations.IntegrationCheck`
        #: (set by the graph; None before).
        self.integrations = None
        self.decisions = []
        #: plugin name -> why it is on (for ``--report``).
        self.enabled_why = {}
        self._enabled = {}  # name -> instance
        self._available = {}  # name -> class
        self.evaluator = ConditionEvaluator(
            condition_names(self.mode, getattr(options, "deployment", False)),
            plugin_enabled=self.is_enabled,
        )
        for cls in standard_plugin_classes():
            self._available[cls.plugin_name] = cls
        user_classes = []
        for path in getattr(options, "user_plugins", ()) or ():
            for cls in load_user_plugin(path):
                if cls.plugin_name in self._available:
                    raise PluginError("--user-plugin=%s: plugin name '%s' is already taken"
                                      % (path, cls.plugin_name))
                self._available[cls.plugin_name] = cls
                user_classes.append(cls)
        enabled = list(getattr(options, "enabled_plugins", ()) or ())
        disabled = set(getattr(options, "disabled_plugins", ()) or ())
        for name in list(enabled) + sorted(disabled):
            if name not in self._available:
                raise PluginError("unknown plugin '%s' (see --plugin-list)" % name)
        for name in enabled:
            if name in disabled:
                raise PluginError("plugin '%s' is both enabled and disabled" % name)
        self._disabled = disabled
        try:
            self.config = PackageConfiguration(
                self.evaluator, files=config_files,
                user_files=getattr(options, "user_package_configuration_files", ()) or (),
            )
        except PackageConfigError as e:
            raise PluginError(str(e)) from None
        for cls in self._available.values():
            if cls.plugin_name in disabled:
                continue
            if cls.enabled_by_default or cls.plugin_name in enabled or cls in user_classes:
                self._enable(cls, "given" if cls.plugin_name in enabled else "default")

    # -- enabling ------------------------------------------------------------------

    def _enable(self, cls, why):
        if cls.plugin_name in self._enabled:
            return
        try:
            self._enabled[cls.plugin_name] = cls(self)
        except PluginError:
            raise
        except Exception as e:  # pylint: disable=broad-except
            raise PluginError("plugin '%s' failed to start: %s: %s"
                              % (cls.plugin_name, type(e).__name__, e)) from None
        self.enabled_why[cls.plugin_name] = why
        self.log("plugin '%s' enabled (%s)" % (cls.plugin_name, why))

    def is_enabled(self, name):
        return name in self._enabled

    def is_disabled(self, name):
        """Switched off by ``--disable-plugin``."""
        return name in self._disabled

    def enabled_plugins(self):
        return list(self._enabled.values())

    def available(self):
        """``[(name, description, default_on, auto_modules)]`` sorted by name."""
        return [
            (cls.plugin_name, cls.plugin_description, cls.enabled_by_default,
             tuple(cls.auto_enable_modules))
            for _, cls in sorted(self._available.items())
        ]

    def module_used(self, module_name):
        """A module became part of the program: auto-enable plugins for it."""
        top = module_name.split(".")[0]
        for cls in self._available.values():
            if cls.plugin_name in self._enabled or cls.plugin_name in self._disabled:
                continue
            if module_name in cls.auto_enable_modules or top in cls.auto_enable_modules:
                self._enable(cls, "module '%s' is used" % module_name)
                self.record(cls.plugin_name, module_name, "enabled", cls.plugin_name,
                            "module '%s' is used" % module_name)
                self._call(self._enabled[cls.plugin_name], "check_start")

    # -- calling hooks ---------------------------------------------------------------

    def record(self, plugin, module, kind, detail, reason):
        self.decisions.append(Decision(plugin, module, kind, detail, reason))

    def _call(self, plugin, hook, *args):
        try:
            return getattr(plugin, hook)(*args)
        except PluginError as e:
            raise PluginError("plugin '%s': %s" % (plugin.plugin_name, e)) from None
        except ConditionError as e:
            raise PluginError("plugin '%s': %s" % (plugin.plugin_name, e)) from None
        except Exception as e:  # pylint: disable=broad-except
            raise PluginError(
                "plugin '%s' failed in %s(%s): %s: %s; this is a bug of the plugin"
                % (plugin.plugin_name, hook, ", ".join(repr(a) for a in args[:2]),
                   type(e).__name__, e)
            ) from None

    def check_start(self):
        for plugin in self.enabled_plugins():
            self._call(plugin, "check_start")

    def module_encountered(self, module_name, filename):
        self.module_used(module_name)
        for plugin in self.enabled_plugins():
            self._call(plugin, "module_encountered", module_name, filename)

    def decide_follow(self, module_name, importer_name):
        """``(bool, plugin, reason)`` of the first plugin with an opinion, or None."""
        return self._first_follow_answer("decide_follow", module_name, importer_name)

    def decide_optional_import(self, module_name, importer_name):
        """``(bool, plugin, reason)`` for an import that runs only sometimes,
        or None (then :meth:`decide_follow` decides as for every import)."""
        return self._first_follow_answer("decide_optional_import", module_name, importer_name)

    def _first_follow_answer(self, hook, module_name, importer_name):
        for plugin in self.enabled_plugins():
            answer = self._call(plugin, hook, module_name, importer_name)
            if answer is not None:
                follow, reason = answer
                self.record(plugin.plugin_name, importer_name or "", "follow" if follow else "nofollow",
                            module_name, reason)
                return bool(follow), plugin.plugin_name, reason
        return None

    def implicit_imports(self, module_name, filename):
        result = []
        for plugin in self.enabled_plugins():
            for name, reason in self._call(plugin, "implicit_imports", module_name, filename) or ():
                if name not in result:
                    result.append(name)
                    self.record(plugin.plugin_name, module_name, "implicit-import", name, reason)
        return result

    def change_source(self, module_name, filename, source):
        """The source after all plugins' changes (``str``)."""
        for plugin in self.enabled_plugins():
            answer = self._call(plugin, "change_source", module_name, filename, source)
            if answer is not None:
                new_source, reason = answer
                if new_source != source:
                    self.record(plugin.plugin_name, module_name, "source", "changed", reason)
                    source = new_source
        return source

    def load_code(self, module_name):
        """``(before, after)`` Python code of all plugins, or empty strings."""
        before, after = [], []
        for plugin in self.enabled_plugins():
            for hook, target in (("code_before_load", before), ("code_after_load", after)):
                answer = self._call(plugin, hook, module_name)
                if answer is not None:
                    code, reason = answer
                    target.append(code)
                    self.record(plugin.plugin_name, module_name, hook, "code", reason)
        return "\n".join(before), "\n".join(after)

    def data_files(self, module_name, filename, is_package):
        result = []
        for plugin in self.enabled_plugins():
            for source, dest, reason in self._call(plugin, "data_files", module_name, filename, is_package) or ():
                result.append((source, dest, reason))
                self.record(plugin.plugin_name, module_name, "data-file", dest, reason)
        return result

    def dlls(self, module_name, filename, is_package):
        result = []
        for plugin in self.enabled_plugins():
            for path, dest_dir, reason in self._call(plugin, "dlls", module_name, filename, is_package) or ():
                result.append((path, dest_dir, reason))
                self.record(plugin.plugin_name, module_name, "dll", str(path), reason)
        return result

    def c_defines(self):
        defines = {}
        for plugin in self.enabled_plugins():
            defines.update(self._call(plugin, "c_defines") or {})
        return defines

    def link_libraries(self):
        result = []
        for plugin in self.enabled_plugins():
            for name in self._call(plugin, "link_libraries") or ():
                if name not in result:
                    result.append(name)
        return result

    def on_result(self, result_path):
        for plugin in self.enabled_plugins():
            self._call(plugin, "on_result", result_path)


def format_plugin_list(host):
    """Text of ``--plugin-list``."""
    lines = ["Plugins (--enable-plugin=NAME / --disable-plugin=NAME):", ""]
    for name, description, default_on, auto in host.available():
        if default_on:
            state = "on by default"
        elif auto:
            state = "on when %s is used" % ", ".join(auto)
        else:
            state = "off unless enabled"
        lines.append("  %-22s %s (%s)" % (name, description, state))
    return "\n".join(lines) + "\n"
