"""options: messages of the package configuration about packages in use.

An ``options`` item says something to the user when its module is part of
the program and its ``when`` holds: ``info`` and ``warning`` are printed,
``error`` stops the compilation (e.g. a package that needs an option to
work in standalone mode).
"""

from nuitka.plugins.base import NuitkaPluginBase, PluginError


class OptionsCheckPlugin(NuitkaPluginBase):
    plugin_name = "options-check"
    plugin_description = "tells what packages in use need (package configuration)"
    enabled_by_default = True

    def module_encountered(self, module_name, filename):
        for item in self.host.config.items(module_name, "options"):
            text = "'%s': %s (%s)" % (module_name, item.data["description"], item.origin)
            kind = item.data["support-info"]
            if kind == "error":
                raise PluginError(text)
            if kind == "warning":
                self.host.warn(text)
            else:
                self.host.log(text)
