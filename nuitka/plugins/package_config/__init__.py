"""Package configuration: what the compiler knows about packages, in YAML.

The standard files are the ``*.yml`` files of this folder; a user adds more
with ``--user-package-configuration-file=FILE`` (same schema, see
:mod:`.loader`).  Entries of several files for the same module are merged,
the user's last.  :meth:`PackageConfiguration.items` yields the items of a
section whose ``when`` holds, each with where it came from (``file:line``)
for reports.
"""

import os
from dataclasses import dataclass
from typing import Dict, List

from .loader import PackageConfigError, load_file

__all__ = ["PackageConfiguration", "PackageConfigError", "ConfigItem", "standard_files"]


@dataclass
class ConfigItem:
    module_name: str
    section: str
    data: dict
    origin: str  # "file:line"


def standard_files() -> List[str]:
    here = os.path.dirname(os.path.abspath(__file__))
    return sorted(os.path.join(here, name) for name in os.listdir(here) if name.endswith(".yml"))


class PackageConfiguration:
    def __init__(self, evaluator, files=None, user_files=()):
        self.evaluator = evaluator
        self.files = list(standard_files() if files is None else files) + [str(f) for f in user_files]
        self._items: Dict[str, Dict[str, List[ConfigItem]]] = {}
        for filename in self.files:
            for entry in load_file(filename, evaluator) or []:
                name = str(entry["module-name"])
                sections = self._items.setdefault(name, {})
                for section, items in entry.items():
                    if section == "module-name":
                        continue
                    for item in items:
                        origin = "%s:%d" % (os.path.basename(filename), getattr(item, "line", 0))
                        sections.setdefault(section, []).append(
                            ConfigItem(name, section, item, origin)
                        )

    def module_names(self, section=None):
        return sorted(
            name for name, sections in self._items.items() if section is None or section in sections
        )

    def items(self, module_name, section):
        """Items of ``section`` for ``module_name`` whose condition holds."""
        for item in self._items.get(module_name, {}).get(section, ()):
            when = item.data.get("when")
            if when is None or self.evaluator.evaluate(str(when)):
                yield item
