"""Which installed distribution a module belongs to, and what it requires.

Used to tell an optional integration from a dependency: a package that
imports another one only inside a function (or under a condition, or in a
``try`` that catches ImportError), when that other one belongs to a
distribution it does not require (not in its ``Requires-Dist`` outside of
extras, directly or through its requirements), reaches for an integration
(tqdm's ``tqdm.pandas()``, Pillow's numpy arrays): following it would
compile all of pandas or numpy into a program that never uses them.
"""

import functools
import re
from typing import FrozenSet, Optional

try:
    from importlib import metadata as _metadata
except ImportError:  # pragma: no cover (3.10+ has it)
    _metadata = None

_NAME = re.compile(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


def normalize(name: str) -> str:
    """PEP 503 normalized distribution name."""
    return re.sub(r"[-_.]+", "-", name).lower()


@functools.lru_cache(maxsize=1)
def _top_level_map():
    if _metadata is None or not hasattr(_metadata, "packages_distributions"):
        return {}
    try:
        mapping = _metadata.packages_distributions()
    except Exception:  # pylint: disable=broad-except
        return {}  # broken metadata somewhere: no opinion
    return {top: frozenset(normalize(d) for d in dists) for top, dists in mapping.items()}


def distributions_of(module_name: str) -> FrozenSet[str]:
    """Normalized names of the installed distributions providing the
    top-level package of ``module_name`` (empty: the standard library, the
    program's own code, or unknown)."""
    return _top_level_map().get(module_name.split(".")[0], frozenset())


def _requirements(dist: str, extras: bool) -> FrozenSet[str]:
    try:
        requires = _metadata.requires(dist) or []
    except Exception:  # pylint: disable=broad-except
        return frozenset()
    names = set()
    for requirement in requires:
        spec, _, marker = requirement.partition(";")
        if ("extra" in marker) != extras:
            continue
        match = _NAME.match(spec)
        if match:
            names.add(normalize(match.group(1)))
    return frozenset(names)


@functools.lru_cache(maxsize=None)
def _direct_requirements(dist: str) -> FrozenSet[str]:
    """What ``dist`` requires outside of extras."""
    return _requirements(dist, extras=False)


@functools.lru_cache(maxsize=None)
def _extra_requirements(dist: str) -> FrozenSet[str]:
    """What ``dist`` requires only with one of its extras."""
    return _requirements(dist, extras=True)


@functools.lru_cache(maxsize=None)
def required_closure(dist: str) -> FrozenSet[str]:
    """``dist`` and everything it requires outside of extras, transitively."""
    seen = {dist}
    todo = [dist]
    while todo:
        for name in _direct_requirements(todo.pop()):
            if name not in seen:
                seen.add(name)
                todo.append(name)
    return frozenset(seen)


@functools.lru_cache(maxsize=None)
def extras_closure(dist: str) -> FrozenSet[str]:
    """The distributions ``dist`` names in its extras, and what they
    require (outside of extras, transitively): those its optional features
    need."""
    result = set()
    for name in _extra_requirements(dist):
        result |= required_closure(name)
    return frozenset(result)


def undeclared_reason(module_name: str, importer_name: str) -> Optional[str]:
    """Why ``importer_name`` importing ``module_name`` is an integration its
    distribution does not require, or None (a requirement, the same
    distribution, code that is no installed distribution)."""
    targets = distributions_of(module_name)
    importers = distributions_of(importer_name)
    if not targets or not importers or targets & importers:
        return None
    for importer_dist in importers:
        if targets & required_closure(importer_dist):
            return None
    return "%s does not require %s (an optional integration)" % (
        "/".join(sorted(importers)),
        "/".join(sorted(targets)),
    )
