"""implicit-imports: modules a package imports in ways a scan cannot see.

From the ``implicit-imports`` items of the package configuration: names
(``pkg.mod``), names relative to the importing module's package (``.mod``,
``..mod``) and patterns ending in ``.*`` (every submodule of a package,
expanded by the module graph).
"""

from nuitka.plugins.base import NuitkaPluginBase


def resolve_name(name, module_name, is_package=False):
    """``.x`` relative to ``module_name``'s package -> absolute name."""
    if not name.startswith("."):
        return name
    level = len(name) - len(name.lstrip("."))
    package = module_name if is_package else module_name.rpartition(".")[0]
    parts = package.split(".") if package else []
    if level - 1 > len(parts):
        return None
    base = parts[: len(parts) - (level - 1)]
    rest = name[level:]
    return ".".join(base + ([rest] if rest else []))


class ImplicitImportsPlugin(NuitkaPluginBase):
    plugin_name = "implicit-imports"
    plugin_description = "adds the modules packages import dynamically (package configuration)"
    enabled_by_default = True

    def implicit_imports(self, module_name, filename):
        is_package = bool(filename) and filename.endswith("__init__.py")
        for item in self.host.config.items(module_name, "implicit-imports"):
            for name in item.data["depends"]:
                absolute = resolve_name(str(name), module_name, is_package)
                if absolute:
                    yield absolute, "package configuration (%s)" % item.origin
