"""Reading package configuration YAML with line numbers, and its schema.

Each file is a list of entries, one per module name::

    - module-name: 'pkg.sub'          # the module the entry is about
      anti-bloat:                     # changes of its source before parsing
        - description: 'why'          # required in every change
          replacements_plain: {'old text': 'new text'}
          replacements_re: {'regular expression': 'replacement'}
          change_function: {'name': 'un-callable'}   # body raises RuntimeError
          no-follow: {'optional.module': 'why not'}  # its imports of these are not followed
          append_code: 'python code'  # appended to the module's source
          when: 'standalone and not deployment'
      implicit-imports:               # modules it imports in ways a scan cannot see
        - depends: ['other.module', '.relative', 'pkg.plugins.*']
          when: ...
      data-files:                     # files of the package it needs (standalone)
        - dirs: ['templates']         # folders relative to the package
          patterns: ['*.json']        # shell patterns relative to the package
          when: ...
      dlls:                           # shared libraries it loads itself (standalone)
        - from-filenames:
            relative-path: '.libs'    # folder relative to the package
            prefixes: ['libfoo']      # file names starting with these
          when: ...
      options:                        # messages for the user
        - description: 'what to do'
          support-info: warning        # info | warning | error
          when: ...

Every ``when`` is checked by :mod:`nuitka.plugins.conditions` when loading,
so a typo is an error naming the file and line, not a silent false.
"""

import yaml

from nuitka.plugins.conditions import ConditionError


class PackageConfigError(Exception):
    """A file that fails the schema: ``FILE:LINE: what is wrong``."""


class _Str(str):
    line = 0


class _Map(dict):
    line = 0
    key_lines = None


class _List(list):
    line = 0


class _MarkedLoader(yaml.SafeLoader):
    """SafeLoader whose strings, maps and lists know their line."""

    def construct_mapping(self, node, deep=False):
        result = _Map(super().construct_mapping(node, deep=True))
        result.line = node.start_mark.line + 1
        result.key_lines = {}
        for key_node, _ in node.value:
            result.key_lines[self.construct_object(key_node, deep=True)] = key_node.start_mark.line + 1
        return result

    def construct_sequence(self, node, deep=False):
        result = _List(super().construct_sequence(node, deep=True))
        result.line = node.start_mark.line + 1
        return result

    def construct_yaml_str(self, node):
        result = _Str(self.construct_scalar(node))
        result.line = node.start_mark.line + 1
        return result


_MarkedLoader.add_constructor("tag:yaml.org,2002:map", _MarkedLoader.construct_mapping)
_MarkedLoader.add_constructor("tag:yaml.org,2002:seq", _MarkedLoader.construct_sequence)
_MarkedLoader.add_constructor("tag:yaml.org,2002:str", _MarkedLoader.construct_yaml_str)


# -- schema ---------------------------------------------------------------------

STR = "str"
STR_LIST = "list of strings"
STR_MAP = "map of strings to strings"

#: section -> (fields with their kinds, required fields)
SECTIONS = {
    "anti-bloat": (
        {
            "description": STR,
            "replacements_plain": STR_MAP,
            "replacements_re": STR_MAP,
            "change_function": STR_MAP,
            "no-follow": STR_MAP,
            "append_code": STR,
            "when": STR,
        },
        ("description",),
    ),
    "implicit-imports": ({"depends": STR_LIST, "when": STR}, ("depends",)),
    "data-files": ({"dirs": STR_LIST, "patterns": STR_LIST, "when": STR}, ()),
    "dlls": ({"from-filenames": {"relative-path": STR, "prefixes": STR_LIST}, "when": STR},
             ("from-filenames",)),
    "options": ({"description": STR, "support-info": STR, "when": STR},
                ("description", "support-info")),
}
SUPPORT_INFO = ("info", "warning", "error")
CHANGE_FUNCTION_VALUES = ("un-callable",)


def _line(value, default):
    return getattr(value, "line", 0) or default


def _fail(filename, line, message):
    raise PackageConfigError("%s:%d: %s" % (filename, line, message))


def _check_kind(filename, value, kind, where, line):
    line = _line(value, line)
    if isinstance(kind, dict):
        if not isinstance(value, dict):
            _fail(filename, line, "%s must be a map with %s" % (where, ", ".join(kind)))
        for key, item in value.items():
            if key not in kind:
                _fail(filename, value.key_lines.get(key, line),
                      "unknown key '%s' in %s (allowed: %s)" % (key, where, ", ".join(kind)))
            _check_kind(filename, item, kind[key], "%s.%s" % (where, key), value.key_lines.get(key, line))
        return
    if kind == STR:
        ok = isinstance(value, str)
    elif kind == STR_LIST:
        ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
    else:
        ok = isinstance(value, dict) and all(
            isinstance(k, str) and isinstance(v, str) for k, v in value.items()
        )
    if not ok:
        _fail(filename, line, "%s must be a %s" % (where, kind))


def validate(filename, data, evaluator=None):
    """Check ``data`` (as loaded) against the schema; raise PackageConfigError."""
    if data is None:
        return []
    if not isinstance(data, list):
        _fail(filename, _line(data, 1), "the file must be a list of entries ('- module-name: ...')")
    seen = {}
    for entry in data:
        line = _line(entry, 1)
        if not isinstance(entry, dict):
            _fail(filename, line, "each entry must be a map starting with 'module-name'")
        name = entry.get("module-name")
        if not isinstance(name, str) or not all(p.isidentifier() for p in name.split(".")):
            _fail(filename, line, "entry needs 'module-name' with a dotted module name")
        if name in seen:
            _fail(filename, line, "module '%s' has a second entry (first at line %d): merge them"
                  % (name, seen[name]))
        seen[name] = line
        for key, value in entry.items():
            key_line = entry.key_lines.get(key, line)
            if key == "module-name":
                continue
            if key not in SECTIONS:
                _fail(filename, key_line, "unknown section '%s' of module '%s' (allowed: %s)"
                      % (key, name, ", ".join(SECTIONS)))
            fields, required = SECTIONS[key]
            if not isinstance(value, list):
                _fail(filename, key_line, "'%s' of module '%s' must be a list of items" % (key, name))
            for item in value:
                item_line = _line(item, key_line)
                _check_kind(filename, item, fields, key, item_line)
                for field_name in required:
                    if field_name not in item:
                        _fail(filename, item_line, "item of '%s' needs '%s'" % (key, field_name))
                _check_values(filename, key, item, item_line, evaluator)
    return data


def _check_values(filename, section, item, line, evaluator):
    import re

    lines = item.key_lines
    if "when" in item and evaluator is not None:
        try:
            evaluator.check(item["when"])
        except ConditionError as e:
            _fail(filename, lines.get("when", line), str(e))
    if section == "anti-bloat":
        for pattern in item.get("replacements_re", {}):
            try:
                re.compile(pattern)
            except re.error as e:
                _fail(filename, lines.get("replacements_re", line),
                      "bad regular expression %r: %s" % (pattern, e))
        for function, how in item.get("change_function", {}).items():
            if how not in CHANGE_FUNCTION_VALUES:
                _fail(filename, lines.get("change_function", line),
                      "change_function of '%s' must be one of %s" % (function, ", ".join(CHANGE_FUNCTION_VALUES)))
        if len(item) == 1 + ("when" in item):
            _fail(filename, line, "anti-bloat item changes nothing (give replacements, no-follow, ...)")
    if section == "options" and item["support-info"] not in SUPPORT_INFO:
        _fail(filename, lines.get("support-info", line),
              "support-info must be one of %s" % ", ".join(SUPPORT_INFO))


def load_file(filename, evaluator=None):
    """Entries of one YAML file, validated."""
    try:
        with open(filename, encoding="utf-8") as f:
            text = f.read()
    except OSError as e:
        raise PackageConfigError("%s: cannot read: %s" % (filename, e.strerror)) from None
    except UnicodeDecodeError:
        raise PackageConfigError("%s: not UTF-8 text" % filename) from None
    try:
        data = yaml.load(text, Loader=_MarkedLoader)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark else 1
        raise PackageConfigError("%s:%d: not valid YAML: %s" % (filename, line, e.problem or e)) from None
    except yaml.YAMLError as e:
        raise PackageConfigError("%s: not valid YAML: %s" % (filename, e)) from None
    return validate(filename, data, evaluator)
