"""The installed distributions a program uses, with their licenses.

A distribution is "used" when one of the modules the report lists as part of
the program (compiled, carried as bytecode or extension module, or imported
from the installation at run time) is one of its top-level packages. Found
with ``importlib.metadata`` on the program's search path; for each one:
name, version, the ``License``/``License-Expression`` fields and license
classifiers, and the text of its license files (``License-File`` metadata,
else ``LICENSE*``/``LICENCE*``/``COPYING*``/``NOTICE*`` files in the
``.dist-info`` folder).
"""

import importlib.metadata
import os

#: Decisions of modules that are part of what the program runs.
USED_DECISIONS = ("compiled", "bytecode", "extension", "python-installation", "not-followed")
_LICENSE_PREFIXES = ("LICENSE", "LICENCE", "COPYING", "NOTICE", "COPYRIGHT")
#: Longest license text kept per file (characters).
MAX_LICENSE_TEXT = 200_000


def _top_levels(dist):
    text = None
    try:
        text = dist.read_text("top_level.txt")
    except OSError:
        text = None
    if text:
        return {line.strip() for line in text.splitlines() if line.strip()}
    result = set()
    for path in dist.files or ():
        parts = path.parts
        if not parts or parts[0].endswith((".dist-info", ".egg-info")) or parts[0] in ("..", "__pycache__"):
            continue
        first = parts[0]
        if len(parts) == 1:
            if first.endswith(".py"):
                result.add(first[:-3])
            elif first.endswith((".so", ".pyd")):
                result.add(first.split(".")[0])
        else:
            result.add(first)
    return result


def _license_files(dist):
    """``[(name, text)]`` of the distribution's license files."""
    found = []
    seen = set()

    def add(name, path, text):
        if text and path not in seen and text not in (t for _, t in found):
            seen.add(path)
            found.append((name, text[:MAX_LICENSE_TEXT]))

    for name in dist.metadata.get_all("License-File") or ():
        for candidate in ("licenses/" + name, name):
            try:
                text = dist.read_text(candidate)
            except (OSError, UnicodeDecodeError):
                text = None
            if text:
                add(name, candidate, text)
                break
    for path in dist.files or ():
        parts = path.parts
        if len(parts) < 2 or not parts[0].endswith((".dist-info", ".egg-info")):
            continue
        if os.path.basename(str(path)).upper().startswith(_LICENSE_PREFIXES):
            relative = "/".join(parts[1:])
            try:
                text = dist.read_text(relative)
            except (OSError, UnicodeDecodeError):
                text = None
            add(relative, relative, text)
    return found


def distribution_record(dist, packages):
    metadata = dist.metadata
    classifiers = [c.split("::")[-1].strip() for c in (metadata.get_all("Classifier") or ())
                   if c.startswith("License ::")]
    license_field = metadata.get("License-Expression") or metadata.get("License") or ""
    if license_field.strip().upper() == "UNKNOWN":
        license_field = ""
    if "\n" in license_field.strip():
        # A whole license text in the field: it is the text, not the name.
        summary = ", ".join(classifiers) or license_field.strip().splitlines()[0]
    else:
        summary = license_field.strip() or ", ".join(classifiers)
    files = _license_files(dist)
    if not files and "\n" in license_field.strip():
        files = [("License", license_field.strip())]
    return {
        "name": metadata.get("Name") or "",
        "version": metadata.get("Version") or dist.version or "",
        "license": summary,
        "classifiers": classifiers,
        "license_files": [{"name": name, "text": text} for name, text in files],
        "packages": sorted(packages),
        "homepage": metadata.get("Home-page") or "",
    }


def program_distributions(modules, search_path):
    """Distribution records (sorted by name) for the report's ``modules``."""
    tops = {
        record["name"].split(".")[0]
        for record in modules
        if record["decision"] in USED_DECISIONS and not record.get("stdlib")
        and record["name"] != "__main__"
    }
    if not tops:
        return []
    by_name = {}
    try:
        dists = list(importlib.metadata.distributions(path=list(search_path)))
    except Exception:  # pylint: disable=broad-except
        return []
    for dist in dists:
        try:
            name = dist.metadata.get("Name")
            if not name:
                continue
            key = name.lower().replace("_", "-")
            if key in by_name:
                continue  # the first on the path wins, as for imports
            packages = _top_levels(dist) & tops
        except Exception:  # pylint: disable=broad-except
            continue
        if packages:
            by_name[key] = distribution_record(dist, packages)
    return [by_name[key] for key in sorted(by_name)]


def python_runtime_record():
    """The Python runtime itself (libpython and the standard library, which
    every compiled program links or ships): version and the license text
    CPython installs next to its standard library (``LICENSE.txt``)."""
    import platform
    import sysconfig

    text = ""
    try:
        with open(os.path.join(sysconfig.get_path("stdlib"), "LICENSE.txt"), encoding="utf-8") as f:
            text = f.read()[:MAX_LICENSE_TEXT]
    except (OSError, UnicodeDecodeError):
        text = ""
    return {
        "name": "Python",
        "version": platform.python_version(),
        "license": "PSF-2.0 (Python Software Foundation License Version 2)",
        "classifiers": [],
        "packages": [],
        "license_files": [{"name": "LICENSE.txt", "text": text}] if text else [],
        "homepage": "https://www.python.org/",
    }
