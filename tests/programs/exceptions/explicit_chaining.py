# Explicit chaining with raise ... from ..., from None, and an uncaught
# exception whose traceback shows "The above exception was the direct cause".


class ConfigError(Exception):
    pass


def parse(text):
    try:
        return int(text)
    except ValueError as e:
        raise ConfigError("bad number %r" % text) from e


def parse_quietly(text):
    try:
        return int(text)
    except ValueError:
        raise ConfigError("quiet failure for %r" % text) from None


for f in (parse, parse_quietly):
    try:
        f("x")
    except ConfigError as e:
        print(f.__name__, repr(e), "cause:", repr(e.__cause__), "context:", repr(e.__context__),
              "suppress:", e.__suppress_context__)

try:
    raise ConfigError("from class") from ValueError
except ConfigError as e:
    print(repr(e.__cause__), type(e.__cause__).__name__)

try:
    try:
        raise KeyError("context")
    except KeyError:
        raise ConfigError("cause differs") from IndexError("explicit")
except ConfigError as e:
    print("cause", repr(e.__cause__), "context", repr(e.__context__))

import traceback

try:
    parse("y")
except ConfigError:
    text = traceback.format_exc()
    print("\n".join(line for line in text.splitlines() if not line.startswith("    ")))

try:
    parse_quietly("z")
except ConfigError:
    text = traceback.format_exc()
    print("During handling" in text, "direct cause" in text)


def load_config(values):
    return [parse(v) for v in values]


def main():
    print(load_config(["1", "2"]))
    load_config(["3", "four"])


main()
