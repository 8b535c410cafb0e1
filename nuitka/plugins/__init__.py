"""Plugins and package configuration (see :mod:`.base` for the hook API,
:mod:`.host` for how they are switched and called, :mod:`.package_config`
for the YAML knowledge base and its schema)."""

from .base import NuitkaPluginBase, PluginError
from .host import PluginHost, format_plugin_list

__all__ = ["NuitkaPluginBase", "PluginError", "PluginHost", "format_plugin_list"]
