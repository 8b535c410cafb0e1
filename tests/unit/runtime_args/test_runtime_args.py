"""Compare nuitka/runtime/args.c with CPython's own argument binding.

For each signature, a Python ``def`` (the oracle) and a parser object from the
test extension (see argstest.c) are called with the same raw arguments, through
both PyObject_Vectorcall (-> Nuitka_ParseArgs) and PyObject_Call
(-> Nuitka_ParseArgsDict). The bound locals (by identity) or the exception
(exact type and message) must be the same.
"""

import gc
import itertools
import sys

import pytest

POSONLY = ("p0", "p1")
NORMAL = ("a0", "a1")
KWONLY = ("k0", "k1")
VARARGS = "rest"
VARKW = "kws"
# Keywords that are never parameters: one far from every name, one close to
# "a0"/"a1" (3.13 suggests), one close to "k0"/"k1".
UNKNOWN = ("zz", "a2", "k")

FLAG_VARARGS = 1
FLAG_VARKW = 2

DEFAULT_VALUES = tuple(object() for _ in range(8))
KWDEFAULT_VALUES = {name: object() for name in KWONLY}
POS_VALUES = tuple(object() for _ in range(8))
KW_VALUES = {}


def kw_value(name):
    return KW_VALUES.setdefault(name, object())


class Signature:
    def __init__(
        self,
        posonly=(),
        normal=(),
        kwonly=(),
        defaults=None,
        kwdefaults=None,
        varargs=None,
        varkw=None,
        qualname="f",
    ):
        self.posonly = tuple(posonly)
        self.normal = tuple(normal)
        self.kwonly = tuple(kwonly)
        self.defaults = defaults
        self.kwdefaults = kwdefaults
        self.varargs = varargs
        self.varkw = varkw
        self.qualname = qualname

    @property
    def positional(self):
        return self.posonly + self.normal

    @property
    def varnames(self):
        names = self.positional + self.kwonly
        if self.varargs:
            names += (self.varargs,)
        if self.varkw:
            names += (self.varkw,)
        return names

    @property
    def flags(self):
        return (FLAG_VARARGS if self.varargs else 0) | (FLAG_VARKW if self.varkw else 0)

    def __repr__(self):
        params = list(self.posonly)
        if self.posonly:
            params.append("/")
        params += self.normal
        if self.varargs:
            params.append("*" + self.varargs)
        elif self.kwonly:
            params.append("*")
        params += self.kwonly
        if self.varkw:
            params.append("**" + self.varkw)
        ndef = len(self.defaults) if self.defaults is not None else None
        kwdef = sorted(self.kwdefaults) if self.kwdefaults is not None else None
        return f"{self.qualname}({', '.join(params)}) defaults={ndef} kwdefaults={kwdef}"

    def python_function(self):
        params = list(self.posonly)
        if self.posonly:
            params.append("/")
        params += self.normal
        if self.varargs:
            params.append("*" + self.varargs)
        elif self.kwonly:
            params.append("*")
        params += self.kwonly
        if self.varkw:
            params.append("**" + self.varkw)
        body = "".join(name + ", " for name in self.varnames)
        source = f"def f({', '.join(params)}):\n    return ({body})\n"
        namespace = {}
        exec(source, namespace)
        func = namespace["f"]
        assert func.__code__.co_varnames[: len(self.varnames)] == self.varnames
        func.__defaults__ = self.defaults
        func.__kwdefaults__ = self.kwdefaults
        func.__qualname__ = self.qualname
        return func

    def compiled_function(self, ext):
        return ext.make(
            self.qualname,
            len(self.positional),
            len(self.posonly),
            len(self.kwonly),
            self.flags,
            self.varnames,
            self.defaults,
            self.kwdefaults,
        )


def normalize(value):
    """Comparable form of a result: identities of the bound objects."""
    if type(value) is dict:
        return ("dict", [(type(k), k, id(v)) for k, v in value.items()])
    if type(value) is tuple:
        return ("tuple", [id(v) for v in value])
    return ("obj", id(value))


def outcome(func, *args):
    try:
        result = func(*args)
    except Exception as e:  # noqa: BLE001 - any exception is compared
        return (
            "error",
            type(e),
            str(e),
            type(e.__context__),
            type(e.__cause__),
        )
    assert type(result) is tuple
    return ("ok", [normalize(v) for v in result])


def compare(ext, pyfunc, cfunc, args, kw, *, use_dict=True):
    """Return a list of mismatch descriptions for one raw call."""
    kwnames = tuple(k for k, _ in kw) if kw is not None else None
    kwvalues = tuple(v for _, v in kw) if kw is not None else ()
    problems = []
    expected = outcome(ext.vectorcall, pyfunc, args, kwnames, kwvalues)
    got = outcome(ext.vectorcall, cfunc, args, kwnames, kwvalues)
    if expected != got:
        problems.append(f"vectorcall args={len(args)} kw={kwnames}: expected {expected}, got {got}")
    if use_dict:
        try:
            kwargs = dict(kw) if kw is not None else None
        except ValueError:  # keys whose __eq__ raises
            return problems
        expected = outcome(ext.call, pyfunc, args, kwargs)
        got = outcome(ext.call, cfunc, args, kwargs)
        if expected != got:
            problems.append(f"call args={len(args)} kwargs={kwnames}: expected {expected}, got {got}")
    return problems


def all_signatures():
    for n_posonly, n_normal, n_kwonly in itertools.product(range(3), repeat=3):
        posonly = POSONLY[:n_posonly]
        normal = NORMAL[:n_normal]
        kwonly = KWONLY[:n_kwonly]
        argcount = n_posonly + n_normal
        for n_defaults in sorted({0, 1, argcount}):
            if n_defaults > argcount:
                continue
            defaults = DEFAULT_VALUES[:n_defaults] if n_defaults else None
            kwdefault_choices = [None]
            for size in range(1, n_kwonly + 1):
                for names in itertools.combinations(kwonly, size):
                    kwdefault_choices.append({name: KWDEFAULT_VALUES[name] for name in names})
            for kwdefaults in kwdefault_choices:
                for varargs, varkw in itertools.product((None, VARARGS), (None, VARKW)):
                    yield Signature(posonly, normal, kwonly, defaults, kwdefaults, varargs, varkw)


SIGNATURES = list(all_signatures())


def call_patterns(sig):
    pool = sig.positional + sig.kwonly + (VARARGS, VARKW) + UNKNOWN
    keyword_lists = [None, ()]
    for size in (1, 2):
        keyword_lists += itertools.permutations(pool, size)
    keyword_lists += itertools.combinations(pool, 3)
    # A few orders where an error for a later keyword must not win.
    keyword_lists += [("zz",) + pool[:2], pool[:2] + ("zz",)]
    for nargs in range(len(sig.positional) + 3):
        args = POS_VALUES[:nargs]
        for names in keyword_lists:
            kw = None if names is None else [(name, kw_value(name)) for name in names]
            yield args, kw


@pytest.mark.parametrize("chunk", range(8))
def test_signature_matrix(ext, chunk):
    problems = []
    count = 0
    for sig in SIGNATURES[chunk::8]:
        pyfunc = sig.python_function()
        cfunc = sig.compiled_function(ext)
        for args, kw in call_patterns(sig):
            count += 1
            for problem in compare(ext, pyfunc, cfunc, args, kw):
                problems.append(f"{sig!r}: {problem}")
    assert count > 1000
    assert not problems, f"{len(problems)} mismatches, first ones:\n" + "\n".join(problems[:20])


def check(ext, sig, calls, use_dict=True):
    pyfunc = sig.python_function()
    cfunc = sig.compiled_function(ext)
    problems = []
    for args, kw in calls:
        problems += compare(ext, pyfunc, cfunc, args, kw, use_dict=use_dict)
    assert not problems, "\n".join(problems[:20])


def test_fast_path_identity(ext):
    sig = Signature(normal=("a", "b", "c"))
    cfunc = sig.compiled_function(ext)
    values = (object(), object(), object())
    result = cfunc(*values)
    assert all(r is v for r, v in zip(result, values))
    assert cfunc.__call__(*values) == values
    with pytest.raises(TypeError, match=r"^f\(\) takes 3 positional arguments but 4 were given$"):
        cfunc(1, 2, 3, 4)


def test_no_parameters(ext):
    check(
        ext,
        Signature(),
        [((), None), ((), []), ((1,), None), ((1, 2), None), ((), [("x", 1)]), ((1,), [("x", 1)])],
    )


def test_qualname_in_messages(ext):
    calls = [((), None), ((1, 2, 3, 4), None), ((), [("zz", 1)]), ((1,), [("a", 2)]), ((), [("p", 1)])]
    for qualname in ("A.meth", "outer.<locals>.inner", "Ünïcode.méthode", "A.B.C.__call__"):
        sig = Signature(("p",), ("a",), ("k",), qualname=qualname)
        check(ext, sig, calls)


def test_empty_kwnames_tuple(ext):
    sig = Signature(normal=("a", "b"))
    cfunc = sig.compiled_function(ext)
    assert len(ext.vectorcall(cfunc, (1, 2), (), ())) == 2
    check(ext, sig, [((1, 2), []), ((1,), []), ((1, 2, 3), [])])


def test_non_str_kwnames_vectorcall(ext):
    sig = Signature(("p",), ("a", "b"), ("k",), varkw=None)
    calls = []
    for bad in (1, b"a", None, 2.5, ("a",)):
        calls += [
            ((), [(bad, 1)]),
            ((1,), [("a", 1), (bad, 2)]),
            ((1,), [(bad, 2), ("a", 1)]),
            ((1,), [("zz", 1), (bad, 2)]),  # unknown keyword reported first
            ((1,), [("p", 1), (bad, 2)]),  # posonly scan compares with the bad key
            ((1, 2, 3, 4), [(bad, 2)]),
        ]
    check(ext, sig, calls, use_dict=False)
    check(ext, Signature(("p",), ("a",), varkw="kw"), calls, use_dict=False)


def test_non_str_keys_dict(ext):
    for sig in (
        Signature(normal=("a", "b")),
        Signature(("p",), ("a",), ("k",), varargs="args", varkw="kw"),
    ):
        pyfunc = sig.python_function()
        cfunc = sig.compiled_function(ext)
        for kwargs in ({1: 2}, {"a": 1, 2: 3}, {b"a": 1}, {"zz": 1, (1,): 2}, {None: 1, "b": 2}):
            for args in ((), (1,), (1, 2, 3, 4, 5)):
                expected = outcome(ext.call, pyfunc, args, kwargs)
                got = outcome(ext.call, cfunc, args, kwargs)
                assert expected == got, (sig, args, kwargs)
                assert expected[0] == "error"


class StrSub(str):
    pass


class StrEqAll(str):
    """Equal to everything: matches the first candidate parameter."""

    def __eq__(self, other):
        return True

    __hash__ = str.__hash__


class StrEqNone(str):
    """Equal to nothing, not even an identical string."""

    def __eq__(self, other):
        return False

    __hash__ = str.__hash__


class StrEqRaises(str):
    def __eq__(self, other):
        raise ValueError("no comparing " + str.__str__(self))

    __hash__ = str.__hash__


class StrWithStr(str):
    def __str__(self):
        return "custom-str"

    def __repr__(self):
        return "custom-repr"


def test_str_subclass_keywords(ext):
    sig_plain = Signature(("p",), ("a", "b"), ("k",), kwdefaults={"k": 5})
    sig_varkw = Signature(("p",), ("a", "b"), ("k",), kwdefaults={"k": 5}, varkw="kw")
    for cls in (StrSub, StrEqAll, StrEqNone, StrEqRaises, StrWithStr):
        calls = []
        for name in ("a", "b", "k", "p", "zz", "a2"):
            key = cls(name)
            calls += [
                ((1,), [(key, 1)]),
                ((1, 2), [(key, 1)]),
                ((1,), [("b", 2), (key, 1)]),
                ((1,), [(key, 1), ("zz", 2)]),
                ((1, 2, 3, 4), [(key, 1)]),
            ]
        for sig in (sig_plain, sig_varkw):
            check(ext, sig, calls)


def test_non_interned_keywords(ext):
    def fresh(name):
        return "".join(list(name))

    sig = Signature(("p",), ("alpha", "beta"), ("gamma",), defaults=(1,))
    interned = sys.intern("alpha")
    assert fresh("alpha") is not interned
    calls = [
        ((1,), [(fresh("alpha"), 1), (fresh("gamma"), 2)]),
        ((1, 2), [(fresh("alpha"), 1), (fresh("gamma"), 2)]),
        ((1,), [(fresh("p"), 1)]),
        ((1,), [(fresh("gamma"), 1), (fresh("gamma"), 2)]),
        ((1,), [(fresh("alhpa"), 1)]),
    ]
    check(ext, sig, calls)
    check(ext, Signature(("p",), ("alpha", "beta"), ("gamma",), varkw="kw"), calls)


def test_duplicate_kwnames_vectorcall(ext):
    # Only possible from C: the same name twice in kwnames.
    calls = [
        ((), [("a", 1), ("a", 2)]),
        ((1,), [("k", 1), ("k", 2)]),
        ((1,), [("zz", 1), ("zz", 2)]),
        ((1,), [("p", 1), ("p", 2)]),
    ]
    for varkw in (None, "kw"):
        check(ext, Signature(("p",), ("a",), ("k",), varkw=varkw), calls, use_dict=False)


def test_odd_defaults(ext):
    calls = [((), None), ((1,), None), ((1, 2), None), ((1, 2, 3), None), ((1, 2, 3, 4, 5), None)]
    calls += [((), [("a", 1)]), ((), [("b", 1)]), ((1,), [("b", 2), ("k", 3)])]
    for defaults in ((), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4, 5)):
        for kwdefaults in (None, {}, {"zz": 1}, {"k": 1, "other": 2}, {StrSub("k"): 3}):
            check(ext, Signature(normal=("a", "b"), kwonly=("k",), defaults=defaults, kwdefaults=kwdefaults), calls)
            check(ext, Signature(("a",), ("b",), defaults=defaults, kwdefaults=kwdefaults), calls)


def test_defaults_changed_after_creation(ext):
    sig = Signature(normal=("a", "b"), kwonly=("k",))
    pyfunc = sig.python_function()
    cfunc = sig.compiled_function(ext)
    for defaults, kwdefaults in (((1,), {"k": 2}), (None, None), ((1, 2), {}), ((3,), {"k": 4})):
        for f in (pyfunc, cfunc):
            f.__defaults__ = defaults
            f.__kwdefaults__ = kwdefaults
        for args in ((), (1,), (1, 2), (1, 2, 3)):
            for kw in (None, [("k", 9)], [("b", 8)]):
                assert not compare(ext, pyfunc, cfunc, args, kw)


def test_many_parameters(ext):
    names = tuple(f"n{i}" for i in range(300))
    kwonly = tuple(f"kw{i}" for i in range(50))
    sig = Signature(names[:100], names[100:], kwonly, defaults=tuple(range(120)))
    calls = [
        ((), None),
        (tuple(range(150)), None),
        (tuple(range(180)), None),
        (tuple(range(400)), None),
        (tuple(range(300)), [(k, 1) for k in kwonly]),
        (tuple(range(300)), [(k, 1) for k in kwonly[::2]]),
        (tuple(range(100)), [(n, 1) for n in names[100:]] + [(k, 1) for k in kwonly]),
        (tuple(range(10)), [(n, 1) for n in names[:100]]),
        ((), [(n, 1) for n in reversed(names[:100])] + [("unknown", 1)]),
        (tuple(range(320)), [(k, 1) for k in kwonly[:1]]),
    ]
    check(ext, sig, calls)
    check(ext, Signature(names[:100], names[100:], kwonly, varargs="a", varkw="k"), calls)


def test_large_kwargs_dict(ext):
    # More keywords than the parser's on-stack buffer for dict calls.
    names = tuple(f"x{i}" for i in range(40))
    calls = [((), [(n, i) for i, n in enumerate(names)]), ((), [(n, i) for i, n in enumerate(names[:17])])]
    calls += [((1,), [(n, i) for i, n in enumerate(names)] + [("y", 1)])]
    check(ext, Signature(normal=names), calls)
    check(ext, Signature(normal=names[:20], varkw="kw"), calls)
    check(ext, Signature(kwonly=names, varargs="args"), calls)


# Unexpected keyword arguments: 3.13 adds "Did you mean" suggestions.
SUGGESTION_PARAMS = (
    "alpha",
    "beta",
    "Gamma",
    "value",
    "maxsplit",
    "max_split_count",
    "sep",
    "x" * 39 + "a",
    "y" * 45,
    "ünïcode",
    "end",
)
SUGGESTION_KEYWORDS = (
    "alpah",
    "alph",
    "alphaa",
    "Alpha",
    "ALPHA",
    "bet",
    "gamma",
    "GAMMA",
    "valeu",
    "max_split",
    "maxsplit_count",
    "spe",
    "x" * 39 + "b",
    "x" * 38,
    "y" * 44,
    "y" * 46,
    "unicode",
    "ünïcöde",
    "\udc80",
    "e",
    "en",
    "ned",
    "zzzzz",
    "a",
    "",
    "sepp",
    "𝔞lpha",
)


def test_unexpected_keyword_suggestions(ext):
    calls = []
    for keyword in SUGGESTION_KEYWORDS:
        calls.append(((), [(keyword, 1)]))
        calls.append(((1,), [("beta", 1), (keyword, 2)]))
    half = len(SUGGESTION_PARAMS) // 2
    for posonly, normal, kwonly in (
        ((), SUGGESTION_PARAMS, ()),
        (SUGGESTION_PARAMS[:half], SUGGESTION_PARAMS[half:], ()),
        ((), SUGGESTION_PARAMS[:half], SUGGESTION_PARAMS[half:]),
        (SUGGESTION_PARAMS, (), ()),
        ((), (), ()),
        (("p",), (), ()),
    ):
        check(ext, Signature(posonly, normal, kwonly), calls)
    for keyword in ("alpah", "zzzzz"):
        for cls in (StrSub, StrWithStr):
            check(ext, Signature((), SUGGESTION_PARAMS), [((), [(cls(keyword), 1)])])


def test_suggestion_candidate_limit(ext):
    # 750 or more candidate names: CPython gives up on suggestions.
    for count in (749, 750, 751):
        names = tuple(f"param_{i}" for i in range(count))
        check(ext, Signature(normal=names), [((), [("param_1x", 1)])])


def test_posonly_passed_as_keyword(ext):
    sig = Signature(("a", "b", "c"), ("d",), ("e",))
    calls = [
        ((), [("a", 1)]),
        ((), [("a", 1), ("b", 2)]),
        ((), [("c", 1), ("a", 2), ("zz", 3)]),
        ((1, 2, 3), [("a", 1)]),
        ((1, 2, 3), [("d", 1), ("a", 1), ("e", 2)]),
        ((1, 2, 3), [("e", 2), ("d", 1), ("b", 1)]),
        ((1, 2, 3, 4), [("e", 2), ("a", 1)]),
        ((1, 2, 3, 4, 5), [("a", 1)]),
        ((1, 2, 3, 4, 5), [("e", 1)]),
    ]
    check(ext, sig, calls)
    check(ext, Signature(("a", "b", "c"), ("d",), ("e",), varkw="kw"), calls)
    check(ext, Signature(("a", "b", "c"), ("d",), ("e",), varargs="args", varkw="kw"), calls)


def test_mutation_during_matching(ext):
    """__eq__ of a keyword changes the kwargs dict and the defaults."""
    for sig in (
        Signature(normal=("a", "b"), kwonly=("k",), defaults=(1,), kwdefaults={"k": 2}),
        Signature(normal=("a", "b"), kwonly=("k",), defaults=(1,), kwdefaults={"k": 2}, varkw="kw"),
    ):
        pyfunc = sig.python_function()
        cfunc = sig.compiled_function(ext)
        for func in (pyfunc, cfunc):
            kwargs = {}

            class Evil(str):
                def __eq__(self, other):
                    kwargs.clear()
                    kwargs.update({"x%d" % i: i for i in range(50)})
                    gc.collect()
                    return str.__eq__(self, other)

                __hash__ = str.__hash__

            kwargs[Evil("zz")] = object()
            kwargs["b"] = object()
            try:
                ext.call(func, (0,), kwargs)
            except TypeError:
                pass


def test_reference_counts(ext):
    values = [object() for _ in range(6)]
    before = [sys.getrefcount(v) for v in values]
    sigs = [
        Signature(normal=("a", "b", "c")),
        Signature(("p",), ("a",), ("k",), defaults=(values[5],), kwdefaults={"k": values[5]}),
        Signature(("p",), ("a",), ("k",), varargs="args", varkw="kw"),
        Signature(("p",), ("a",), ("k",), varkw="kw"),
    ]
    funcs = [sig.compiled_function(ext) for sig in sigs]
    base5 = [sys.getrefcount(v) for v in values][5]

    def run():
        outcomes = set()
        for func in funcs:
            for nargs in (0, 1, 3, 5):
                args = tuple(values[:nargs])
                for kw in ((), ("k",), ("a", "zz"), ("p",), ("k", "a"), ("zz",), ("a", "a")):
                    kwvalues = tuple(values[: len(kw)])
                    for how in ("vectorcall", "call"):
                        try:
                            if how == "vectorcall":
                                ext.vectorcall(func, args, kw, kwvalues)
                            else:
                                ext.call(func, args, dict(zip(kw, kwvalues)))
                        except TypeError:
                            outcomes.add("error")
                        else:
                            outcomes.add("ok")
        return outcomes

    for _ in range(3):
        assert run() == {"ok", "error"}
    gc.collect()
    after = [sys.getrefcount(v) for v in values]
    assert after[:5] == before[:5]
    assert after[5] == base5


def test_no_memory_leak(ext):
    sig = Signature(("p",), ("a", "b"), ("k",), defaults=(1,), varargs="args", varkw="kw")
    sig2 = Signature(("p",), ("a", "b"), ("k",), defaults=(1,))
    funcs = [sig.compiled_function(ext), sig2.compiled_function(ext)]
    calls = [
        ((1, 2), ("k", "zz")),
        ((1, 2, 3, 4), ("k",)),
        ((1,), ("p",)),
        ((1,), ("a", "a")),
        ((), ()),
        ((1, 2), ("alpha",)),
        ((1, 2), ("b",)),
    ]

    def run():
        for func in funcs:
            for args, kw in calls:
                for call in (
                    lambda: ext.vectorcall(func, args, kw, tuple(range(len(kw)))),
                    lambda: ext.call(func, args, dict(zip(kw, range(len(kw))))),
                ):
                    try:
                        call()
                    except TypeError:
                        pass

    for _ in range(200):
        run()
    gc.collect()
    start = sys.getallocatedblocks()
    for _ in range(2000):
        run()
    gc.collect()
    assert sys.getallocatedblocks() - start < 50
