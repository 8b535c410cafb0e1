"""Scopes (module, function, class bodies) and their variables.

Variable layout of function scopes follows CPython's code objects exactly
(``co_varnames`` + cell + free variables, the "localsplus" array), because
compiled functions keep their locals in the frame's localsplus slots: that
is what makes ``locals()``, ``frame.f_locals``, zero-argument ``super()``
and tracebacks work like in CPython.
"""

from .base import Node

# Variable kinds
GLOBAL = "global"  # module dict, then builtins on read
LOCAL = "local"  # fast slot in localsplus
CELL = "cell"  # slot holds a cell owned by this scope
FREE = "free"  # slot holds a cell from the closure
NAME = "name"  # class body / module-level: namespace, then globals, builtins
CLASSFREE = "classfree"  # class body free variable: namespace first, then cell


class Variable:
    def __init__(self, name, kind, slot=None, owner=None):
        self.name = name
        self.kind = kind
        self.slot = slot
        self.owner = owner

    def is_fast(self):
        return self.kind in (LOCAL, CELL, FREE)

    def xml_name(self):
        return "%s:%s" % (self.kind, self.name)

    def __repr__(self):
        return "<Variable %s %s slot=%s>" % (self.kind, self.name, self.slot)


class TempVariable:
    """A compiler-made variable (not visible to Python code)."""

    def __init__(self, owner, name, index):
        self.owner = owner
        self.name = name
        self.index = index

    def c_name(self):
        return "tmp_%s_%d" % (self.name, self.index)

    def xml_name(self):
        return "temp:%s_%d" % (self.name, self.index)


class ScopeBody(Node):
    """A module, function, class body, lambda, comprehension or genexpr.

    ``scope_kind`` is one of "module", "function", "class".
    ``code_info`` is the CPython code object for this scope (from compiling
    the source with CPython), used for the variable layout, flags and
    argument spec.
    """

    kind = "ScopeBody"
    child_names = ("body",)
    attribute_names = ("scope_kind", "name", "qualname")

    def __init__(self, source_ref=None, **values):
        super().__init__(source_ref, **values)
        self.variables = {}
        self.temps = []
        self.parent = None
        self.code = None
        self.children_scopes = []
        self.is_generator = False
        self.is_coroutine = False
        self.is_asyncgen = False
        self.doc = None
        self.c_name = None
        self.class_ns_temp = None
        self.has_class_cell = False
        # Free variable name -> slot of the enclosing scope whose cell the
        # closure takes, where that is not the usual one: a scope created
        # inside an inlined comprehension (3.12+) captures the
        # comprehension's variable.
        self.closure_slots = {}

    def new_temp(self, name):
        temp = TempVariable(self, name, len(self.temps))
        self.temps.append(temp)
        return temp

    def get_variable(self, name):
        return self.variables[name]

    def fast_variables(self):
        return sorted(
            (v for v in self.variables.values() if v.is_fast()),
            key=lambda v: v.slot,
        )
