"""Random programs with many scopes nested on each line.

Each program is a list of one-line statements in which lambdas,
comprehensions, generator expressions, defs and classes nest in every
position the language allows: lambdas applied to lambdas, lambdas in
default values, decorators, keyword arguments, class bases, dict keys,
f-strings and comprehension iterables, comprehensions and generator
expressions inside lambdas, in class bodies and return statements.  That is
where a compiler that pairs scopes with CPython's symbol tables and code
objects by position goes wrong, so the programs are compiled and compared
with CPython (``tests/test_scope_fuzz.py``, ``misc/fuzz_scopes.py``).

Every statement prints a deterministic rendering of its value (functions are
called, generators consumed, both to a bounded depth) or of the exception
it raised, so a scope paired with the wrong code shows as a different
output.  ``program(seed)`` is reproducible.
"""

import random
import sys

PRELUDE = '''\
import itertools, re, types


def show(value, depth=0):
    if depth > 4:
        return "..."
    if isinstance(value, (types.GeneratorType, map, filter, zip)):
        return "gen" + show(list(itertools.islice(value, 6)), depth + 1)
    if isinstance(value, type):
        return "class %s(%s)" % (value.__qualname__, ", ".join(
            "%s=%s" % (k, show(v, depth + 1)) for k, v in sorted(vars(value).items()) if not k.startswith("__")))
    if callable(value):
        try:
            return "%s->%s" % (value.__qualname__, show(value(depth), depth + 1))
        except Exception as e:
            return "%s!%s:%s" % (getattr(value, "__qualname__", "?"), type(e).__name__, e)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(show(v, depth + 1) for v in value) + "]"
    if isinstance(value, (set, frozenset)):
        return "{" + ", ".join(sorted(show(v, depth + 1) for v in value)) + "}"
    if isinstance(value, dict):
        return "{" + ", ".join(sorted("%s: %s" % (show(k, depth + 1), show(v, depth + 1)) for k, v in value.items())) + "}"
    return re.sub(" at 0x[0-9a-f]+", "", repr(value))


def run(label, thunk):
    try:
        print(label, show(thunk()))
    except Exception as e:
        print(label, "raised", type(e).__name__, e)


def deco(f):
    return f


G = 7
'''


class _Generator:
    def __init__(self, rng, version):
        self.rng = rng
        self.version = version
        self.counter = 0
        # Inside an f-string: no nested f-strings (quotes, before 3.12).
        self.in_fstring = False

    def name(self, prefix):
        self.counter += 1
        return "%s%d" % (prefix, self.counter)

    def chance(self, p):
        return self.rng.random() < p

    # -- expressions --------------------------------------------------------

    def expr(self, names, depth):
        """An expression using ``names`` (variables visible here)."""
        rng = self.rng
        if depth <= 0:
            return self.atom(names)
        kind = rng.choice(
            ["atom", "lambda", "lambda", "apply", "apply", "comp", "genexp", "dictcomp",
             "setcomp", "binop", "call_kw", "dict", "fstring", "ifexp", "tuple", "walrus_comp"]
        )
        if kind == "atom":
            return self.atom(names)
        if kind == "lambda":
            return self.lambda_(names, depth)
        if kind == "apply":
            function = self.lambda_(names, depth - 1)
            arguments = ", ".join(self.expr(names, depth - 1) for _ in range(self.arity))
            return "(%s)(%s)" % (function, arguments)
        if kind in ("comp", "setcomp", "genexp", "dictcomp"):
            return self.comprehension(kind, names, depth)
        if kind == "binop":
            return "(%s, %s)" % (self.expr(names, depth - 1), self.expr(names, depth - 1))
        if kind == "call_kw":
            return "(lambda *a, **k: (a, sorted(k.items())))(%s, k=%s)" % (
                self.expr(names, depth - 1),
                self.expr(names, depth - 1),
            )
        if kind == "dict":
            return "{%s: %s, %s: %s}" % tuple(
                "(show(%s), %d)" % (self.expr(names, depth - 1), i) if i % 2 == 0 else self.expr(names, depth - 1)
                for i in range(4)
            )
        if kind == "fstring" and not self.in_fstring:
            self.in_fstring = True
            try:
                return 'f"{ show(%s) :>{ %s }}"' % (self.expr(names, depth - 1), self.small_int_expr(names, depth - 1))
            finally:
                self.in_fstring = False
        if kind == "ifexp":
            return "(%s if %s else %s)" % (
                self.expr(names, depth - 1),
                self.atom(names),
                self.expr(names, depth - 1),
            )
        if kind == "walrus_comp" and names:
            target = self.name("w")
            return "[(%s := %s) for %s in range(2)]" % (target, self.expr(names, depth - 1), self.name("i"))
        return "(%s,)" % self.expr(names, depth - 1)

    arity = 1

    def small_int_expr(self, names, depth):
        if depth > 0 and self.chance(0.5):
            return "(lambda %s: 3)(%s)" % (self.name("z"), self.expr(names, depth - 1))
        return "3"

    def atom(self, names):
        rng = self.rng
        if names and self.chance(0.7):
            return rng.choice(names)
        return rng.choice(["0", "1", "2", "G", "'s'", "None"])

    def lambda_(self, names, depth):
        params = [self.name(self.rng.choice(["x", "y", "p", "q"])) for _ in range(self.rng.choice([1, 1, 2]))]
        parts = [params[0]]
        if len(params) > 1:
            parts.append("%s=%s" % (params[1], self.expr(names, depth - 1)))
        if self.chance(0.2):
            kw = self.name("k")
            parts.append("*")
            parts.append("%s=%s" % (kw, self.expr(names, depth - 1)))
            params.append(kw)
        # Reuse a parameter name of an enclosing lambda sometimes (shadowing).
        if names and self.chance(0.15):
            params[0] = parts[0] = self.rng.choice(names)
        body = self.expr(names + params, depth - 1)
        return "(lambda %s: %s)" % (", ".join(parts), body)

    def comprehension(self, kind, names, depth):
        var = self.name("v")
        if names and self.chance(0.15):
            var = self.rng.choice(names)
        iterable = self.iterable(names, depth - 1)
        inner = names + [var]
        clauses = "for %s in %s" % (var, iterable)
        if self.chance(0.4):
            var2 = self.name("u")
            clauses += " for %s in %s" % (var2, self.iterable(inner, depth - 1))
            inner = inner + [var2]
        if self.chance(0.3):
            clauses += " if %s" % self.expr(inner, depth - 1)
        element = self.expr(inner, depth - 1)
        if kind == "comp":
            return "[%s %s]" % (element, clauses)
        if kind == "setcomp":
            return "{show(%s) %s}" % (element, clauses)
        if kind == "dictcomp":
            return "{show(%s): %s %s}" % (self.expr(inner, depth - 1), element, clauses)
        return "(%s %s)" % (element, clauses)

    def iterable(self, names, depth):
        if depth > 0 and self.chance(0.5):
            return "(lambda %s: range(2))(%s)" % (self.name("r"), self.expr(names, depth))
        return self.rng.choice(["range(2)", "[1, 2]", "'ab'", "(0,)"])

    # -- statements ---------------------------------------------------------

    def statement(self, index, depth):
        """One line (two for defs/classes) printing its result."""
        rng = self.rng
        kind = rng.choice(["expr", "expr", "def", "class", "lambda_default", "decorated", "return_comp", "nested_def"])
        label = "s%d" % index
        if kind == "expr":
            return ["run(%r, lambda: %s)" % (label, self.expr([], depth))]
        if kind == "def":
            name = self.name("f")
            a = self.name("a")
            return [
                "def %s(%s=%s, *, kw=%s): return %s" % (
                    name, a, self.expr([], depth - 1), self.expr([], depth - 1), self.expr([a, "kw"], depth)),
                "run(%r, %s)" % (label, name),
            ]
        if kind == "lambda_default":
            name = self.name("d")
            return ["%s = lambda %s=%s: %s" % (name, self.name("e"), self.expr([], depth), self.expr([], depth)),
                    "run(%r, %s)" % (label, name)]
        if kind == "decorated":
            name = self.name("f")
            b = self.name("b")
            return [
                "@(lambda %s: %s)" % (b, "(lambda *a: (%s, %s(*a)))" % (self.expr([b], depth - 1), b)),
                "def %s(%s=%s): return %s" % (name, self.name("c"), self.expr([], depth - 1), self.expr([], depth)),
                "run(%r, %s)" % (label, name),
            ]
        if kind == "return_comp":
            name = self.name("f")
            n = self.name("n")
            return [
                "def %s(%s=1):" % (name, n),
                "    return %s" % self.comprehension(rng.choice(["comp", "genexp", "setcomp", "dictcomp"]), [n], depth),
                "run(%r, %s)" % (label, name),
            ]
        if kind == "nested_def":
            name = self.name("f")
            inner = self.name("g")
            m = self.name("m")
            return [
                "def %s(%s=%s):" % (name, m, self.expr([], depth - 1)),
                "    def %s(%s=%s): return %s" % (inner, self.name("h"), self.expr([m], depth - 1), self.expr([m], depth)),
                "    return %s, %s" % (inner, self.expr([m], depth - 1)),
                "run(%r, %s)" % (label, name),
            ]
        name = self.name("C")
        attribute = self.name("attr")
        return [
            "class %s((lambda %s: object)(%s), **{'metaclass': (lambda %s: type)(%s)}):" % (
                name, self.name("b"), self.expr([], depth - 1), self.name("m"), self.expr([], depth - 1)),
            "    %s = %s; other = %s" % (attribute, self.expr([], depth), self.expr([], depth - 1)),
            "    comp = %s" % self.comprehension(rng.choice(["comp", "genexp", "dictcomp", "setcomp"]), [], depth - 1),
            "    def method(self, %s=%s): return %s" % (
                self.name("o"), self.expr([], depth - 1), self.expr(["self"], depth)),
            "run(%r, lambda: (%s, %s().method()))" % (label, name, name),
        ]


def program(seed, statements=25, depth=3, version=None):
    """The source of the random program of ``seed``: statements that do not
    compile on this Python (walrus in a comprehension iterable or a class
    body, ...) are drawn again."""
    rng = random.Random(seed)
    generator = _Generator(rng, version or sys.version_info[:2])
    lines = ["# Random scopes, seed %d" % seed, PRELUDE]
    for index in range(statements):
        for _attempt in range(20):
            statement = generator.statement(index, depth)
            # Errors while defining a def/class (an unhashable key, a name
            # a class body cannot see) are output too.
            block = ["try:"] + ["    " + line for line in statement]
            block.append("except Exception as e:")
            block.append("    print(%r, 'raised', type(e).__name__, e)" % ("s%d" % index))
            try:
                compile("\n".join(block) + "\n", "<fuzz>", "exec", dont_inherit=True)
            except SyntaxError:
                continue
            lines.extend(block)
            break
    return "\n".join(lines) + "\n"
