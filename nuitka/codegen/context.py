"""Code generation contexts.

``ModuleContext`` collects a module's constants and functions.
``FunctionContext`` generates one C function: it hands out C temporaries
(owned references, tracked while live, reused once released; operands can
also be borrowed, see ``borrow``), labels, source positions,
and keeps the stack of control frames (loops, try blocks, handlers, temp
blocks) that decides what happens on ``break``/``continue``/``return`` and
where an exception goes, releasing exactly what is live on the way.
"""

import marshal
import re
import sys
import types

_NAME_CHARS = re.compile(r"[A-Za-z0-9_]*\Z")

# How the runtime builds a recipe constant from its tuple (module.h).
RECIPE_KINDS = {"frozenset": 1, "slice": 2, "frozenset_reinterned": 3}


class ConstantRecipe:
    """A constant built at load time from ``args`` (a tuple): a frozenset
    as CPython makes it from the display's items in source order, a
    slice (marshal has none before 3.14)."""

    def __init__(self, kind, args):
        self.kind = kind
        self.args = args


class ModuleContext:
    def __init__(self, module_name, filename):
        self.module_name = module_name
        self.filename = filename
        self.constants = []
        self._constant_index = {}
        self._canonical_objects = {}
        # (index, kind): constants built at load time from their tuple.
        self.recipes = []
        self.function_codes = []  # C code of functions
        self.function_infos = []  # (scope, c_name)
        self.c_prefix = "m_" + "".join(c if c.isalnum() else "_" for c in module_name)
        # ctype -> (array name, number of sites): static per-site caches
        self.site_caches = {}

    def new_site_cache(self, ctype):
        """A zero-initialised static cache for one operation site: an entry
        of one array per cache type (thousands of separate statics cost the
        C compiler and the assembler a symbol each)."""
        array, count = self.site_caches.get(ctype) or (
            "%s_caches%d" % (self.c_prefix, len(self.site_caches)),
            0,
        )
        self.site_caches[ctype] = (array, count + 1)
        return "%s[%d]" % (array, count)

    def const(self, value):
        """Index of a constant in the module's constants array.

        Equal constants are one object, also inside tuples (CPython merges
        the constants of a module the same way): ``((1, 2), 3)[0] is (1,
        2)``. Frozensets and slices, which marshal cannot hold as CPython
        makes them, are built at load time (``recipes``)."""
        value, key = self._canonical(value)
        index = self._constant_index.get(key)
        if index is None:
            index = len(self.constants)
            if isinstance(value, ConstantRecipe):
                self.recipes.append((index, value.kind))
                value = value.args
            self.constants.append(value)
            self._constant_index[key] = index
        return index

    def _canonical(self, value, intern=True):
        """(the one object for constants equal to ``value``, its key)."""
        kind = type(value)
        if kind is tuple:
            items = []
            keys = []
            for item in value:
                if type(item) is str and _NAME_CHARS.match(item):
                    if intern:
                        # As CPython's intern_string_constants.
                        item = sys.intern(item)
                    elif len(item) > 1:
                        # A copy not interned in this process, or marshal
                        # would load it interned.
                        item = (item + "_")[:-1]
                item, item_key = self._canonical(item) if intern or type(item) is not str else (item, (str, "raw", item))
                items.append(item)
                keys.append(item_key)
            key = (tuple, tuple(keys), intern)
            known = self._canonical_objects.get(key)
            if known is None:
                known = self._canonical_objects[key] = tuple(items)
            return known, key
        if isinstance(value, frozenset):
            # Items not interned here: the runtime interns them as CPython
            # does, which decides whether the frozenset is rebuilt.
            items, key = self._canonical(getattr(value, "source_items", None) or tuple(value), intern=False)
            return ConstantRecipe("frozenset", items), ("frozenset", key)
        if kind is slice:
            items, key = self._canonical((value.start, value.stop, value.step))
            return ConstantRecipe("slice", items), ("slice", key)
        if isinstance(value, ConstantRecipe):
            return value, (value.kind, self._canonical(value.args)[1])
        if kind is types.CodeType and value.co_consts:
            # Its constants are the module's constants: marshal stores a
            # data tuple once, not again in the code object.
            consts = tuple(self._code_constant(c) for c in value.co_consts)
            # Equal constant tuples are one object too, as CPython merges
            # them (two ``lambda: ...`` share their co_consts).
            consts = self._canonical_objects.setdefault(("co_consts",) + tuple(map(id, consts)), consts)
            # And so are equal location tables (CPython's compiler merges
            # them as constants).
            linetable = self._canonical(value.co_linetable)[0] if sys.version_info >= (3, 11) else None
            changes = {}
            if consts is not value.co_consts:
                changes["co_consts"] = consts
            if linetable is not None and linetable is not value.co_linetable:
                changes["co_linetable"] = linetable
            if changes:
                from .code_objects import replace_keeping_hidden

                value = replace_keeping_hidden(value, changes)
        try:
            key = (kind, marshal.dumps(value))
        except ValueError:
            key = (kind, id(value))
        known = self._canonical_objects.get(key)
        if known is None:
            known = self._canonical_objects[key] = value
        return known, key

    def _code_constant(self, value):
        """A constant of a code object's co_consts, merged with the equal
        constants of the module; a frozenset (``x in {...}``) stays as it
        is, but the tuples in it are merged too."""
        if type(value) is frozenset:
            if any(type(item) is tuple for item in value):
                return frozenset(self._canonical(item)[0] if type(item) is tuple else item for item in value)
            return value
        if isinstance(value, slice):
            return value
        return self._canonical(value)[0]

    def const_ref(self, value):
        """C expression for a constant (a borrowed reference)."""
        if value is None:
            return "Py_None"
        if value is True:
            return "Py_True"
        if value is False:
            return "Py_False"
        if value is Ellipsis:
            return "Py_Ellipsis"
        return "%s_consts[%d]" % (self.c_prefix, self.const(value))


class Frame:
    """Base of control frames."""

    catches = False


class LoopFrame(Frame):
    def __init__(self, break_label, continue_label):
        self.break_label = break_label
        self.continue_label = continue_label


class CatchFrame(Frame):
    """Exceptions raised inside go to ``label``."""

    catches = True

    def __init__(self, label):
        self.label = label


class FinallyFrame(CatchFrame):
    """Body of a try/finally: leaving it runs ``final``."""

    def __init__(self, label, final):
        super().__init__(label)
        self.final = final


class HandlerFrame(Frame):
    """Inside an except handler or an exceptional finally: the exception in
    ``exc_temp`` is being handled, ``saved_temp`` holds the previous one."""

    def __init__(self, exc_temp, saved_temp):
        self.exc_temp = exc_temp
        self.saved_temp = saved_temp


class TempBlockFrame(Frame):
    def __init__(self, temps):
        self.temps = temps


def _always_bound_slots(scope):
    """Slots of parameters (not cells) that nothing in the function unbinds:
    no ``del`` (``except ... as`` ends with one) and, 3.12+, no inlined
    comprehension that clears the slot while it runs. Reading them needs no
    UnboundLocalError check."""
    code = scope.code
    if scope.scope_kind != "function" or code is None:
        return frozenset()
    count = code.co_argcount + code.co_kwonlyargcount
    count += bool(code.co_flags & 0x04) + bool(code.co_flags & 0x08)  # *args, **kwargs
    slots = set(range(count))
    for node in scope.walk():
        if node.kind == "StmtDelVariable" and node.variable.slot is not None:
            slots.discard(node.variable.slot)
        elif node.kind == "ExprInlinedComprehension":
            for _temp, slot, _make_cell in node.saves:
                slots.discard(slot)
    return frozenset(slots)


class FunctionContext:
    def __init__(self, module_ctx, scope, c_name):
        self.module = module_ctx
        self.scope = scope
        self.c_name = c_name
        self.lines = []
        self.indent = 1
        self.ctemp_count = 0
        self.ctemp_decls = []  # (ctype, name)
        self.object_ctemps = set()
        self.free_ctemps = []
        self.live = []
        self.borrowed = []
        self.frames = []
        self.label_count = 0
        self.positions = []
        self._position_index = {}
        # Indices of the positions some operation needs (the others are
        # optional: see set_position).
        self.required_positions = set()
        self.current_pos = None
        self.stubs = {}
        self.stub_code = []
        self.used_stub_labels = set()
        self.temp_vars = []  # C names of reformulation temps
        # Resumable body (generators, coroutines, async generators).
        self.is_generator = scope.is_generator or scope.is_coroutine or scope.is_asyncgen
        # Set while code must stay generic (unboxed.py).
        self.no_unboxed = False
        self.yield_count = 0
        self.bound_slots = _always_bound_slots(scope)

    # -- output -------------------------------------------------------------

    def emit(self, line):
        self.lines.append("    " * self.indent + line)

    def label(self, name):
        self.lines.append("%s:;" % name)
        self.current_pos = None

    def new_label(self, hint):
        self.label_count += 1
        return "%s_%d" % (hint, self.label_count)

    # -- storage ------------------------------------------------------------

    def storage(self, name):
        """How generated code names a variable of this function: generators
        keep them in their heap struct so they survive a yield."""
        if self.is_generator:
            return "S->" + name
        return name

    def new_ctemp(self, ctype="PyObject *"):
        """A C temporary. Object temps whose value was released or handed on
        are reused (most recently freed first): temps never live across a
        statement boundary, and within one the code runs in the order it is
        emitted except for branches (each path assigns before it reads) and
        inlined comprehension loops (the temps held around them are live,
        so never free), so lifetimes that do not overlap in the emitted
        order do not overlap at run time. Fewer C variables make big
        functions (module bodies) faster to compile."""
        if ctype == "PyObject *" and self.free_ctemps:
            return self.free_ctemps.pop()
        self.ctemp_count += 1
        name = "t%d" % self.ctemp_count
        self.ctemp_decls.append((ctype, name))
        name = self.storage(name)
        if ctype == "PyObject *":
            self.object_ctemps.add(name)
        return name

    def new_out_ctemp(self):
        """An object temp that a call fills through its address and that
        must be NULL before (``_PyObject_GetMethod`` leaves it alone on some
        failures): a reused temp still holds its released value."""
        reused = bool(self.free_ctemps)
        name = self.new_ctemp()
        if reused and not self.is_generator:
            self.emit("%s = NULL;" % name)
        return name

    def temp_var(self, temp):
        name = temp.c_name()
        if name not in self.temp_vars:
            self.temp_vars.append(name)
        return self.storage(name)

    def add_live(self, name):
        self.live.append(name)

    def borrow(self, c_expr):
        """``c_expr`` is handed to a consumer as a borrowed reference:
        ``release`` drops nothing, ``forget`` (a consumer that steals) adds
        the reference it takes."""
        self.borrowed.append(c_expr)
        return c_expr

    def release(self, name):
        """Drop an owned C temp (it is no longer live)."""
        if name in self.borrowed:
            self.borrowed.remove(name)
            return
        if self.is_generator:
            # State fields must never dangle: the GC traverses them.
            self.emit("Py_CLEAR(%s);" % name)
        else:
            self.emit("Py_DECREF(%s);" % name)
        self._free(name)

    def _free(self, name):
        self.live.remove(name)
        if name in self.object_ctemps:
            self.free_ctemps.append(name)

    def forget(self, name):
        """The reference in ``name`` was handed over (stolen)."""
        if name in self.borrowed:
            self.borrowed.remove(name)
            self.emit("Py_INCREF(%s);" % name)
            return
        if self.is_generator:
            self.emit("%s = NULL;" % name)
        self._free(name)

    # -- positions ----------------------------------------------------------

    def set_position(self, source_ref, optional=False):
        """Move the frame to ``source_ref`` (its instruction). An optional
        position (where nothing can fail: a return) is dropped when CPython's
        bytecode has no instruction there and the code object needs no
        position NOPs otherwise (code_objects.build_code_object), rather than
        giving it NOPs: CPython removed that code as unreachable."""
        if source_ref is None:
            return
        key = source_ref.as_tuple()
        index = self._position_index.get(key)
        if index is None:
            index = len(self.positions)
            self.positions.append(key)
            self._position_index[key] = index
        if not optional:
            self.required_positions.add(index)
        if self.current_pos != index:
            self.emit("NUITKA_SET_POS(iframe, NUITKA_POS_BASE + %d);" % index)
            self.current_pos = index
        if optional:
            # (It may be dropped: the next position is set again.)
            self.current_pos = None

    # -- errors -------------------------------------------------------------

    def _release_actions_until_catch(self, frames, live):
        """Lines that release what is held between the current point and the
        innermost catching frame, and that frame's label."""
        lines = ["Py_CLEAR(%s);" % name for name in reversed(live)]
        for frame in reversed(frames):
            if frame.catches:
                return lines, frame.label
            lines.extend(self._frame_exit_lines(frame))
        return lines, "function_error"

    def _frame_exit_lines(self, frame):
        exit_lines = getattr(frame, "exit_lines", None)
        if exit_lines is not None:
            return list(exit_lines)
        if isinstance(frame, TempBlockFrame):
            return ["Py_CLEAR(%s);" % self.temp_var(t) for t in frame.temps]
        if isinstance(frame, HandlerFrame):
            return [
                "Nuitka_SetHandledException(tstate, %s);" % frame.saved_temp,
                "%s = NULL;" % frame.saved_temp,
                "Py_CLEAR(%s);" % frame.exc_temp,
            ]
        return []

    def error_label(self, add_traceback=True):
        """Label to jump to when an exception is set.

        Exits form a ladder: the clears run innermost temp first, so exits
        that release the same older temps share the tail of their code
        (``error_5: Py_CLEAR(t7); error_6: Py_CLEAR(t6); goto
        error_2;`` serves both the exit holding t7 and t6 and the one
        holding only t6); identical exits are one label."""
        lines, target = self._release_actions_until_catch(self.frames, self.live)
        if add_traceback:
            # One entry per target: "AddTraceback; goto target". The entry
            # is added after the releases: a release (a finalizer) keeps the
            # exception being raised and cannot move this frame's position,
            # as in CPython, whose unwinding also releases with the
            # exception set, so the traceback is the same.
            target = self._exit_chain(["Nuitka_Frame_AddTraceback(frame);"], target)
        return self._exit_chain(lines, target)

    def _exit_chain(self, lines, target):
        """A label running ``lines`` then going to ``target``, reusing the
        longest already emitted tail."""
        count = len(lines)
        shared = 0
        while shared < count and (tuple(lines[shared:]), target) not in self.stubs:
            shared += 1
        tail = target if shared == count else self.stubs[(tuple(lines[shared:]), target)]
        if shared == 0:
            self.used_stub_labels.add(tail)
            return tail
        head = None
        for index in range(shared):
            label = self.new_label("error")
            self.stubs[(tuple(lines[index:]), target)] = label
            head = head or label
            self.stub_code.append("%s:;" % label)
            self.stub_code.append("    " + lines[index])
        self.stub_code.append("    goto %s;" % tail)
        self.used_stub_labels.add(tail)
        self.used_stub_labels.add(head)
        return head

    def stub_lines(self):
        """The error exits, without labels nothing jumps to."""
        used = self.used_stub_labels
        return [
            line for line in self.stub_code if not (line.endswith(":;") and line[:-2] not in used)
        ]

    def check(self, condition, add_traceback=True):
        self.emit("if (unlikely(%s)) goto %s;" % (condition, self.error_label(add_traceback)))

    def check_null(self, name):
        self.check("%s == NULL" % name)

    # -- control transfer ---------------------------------------------------

    def transfer(self, target_frame_type, emit_statements):
        """Leave frames up to the innermost ``target_frame_type`` (a LoopFrame)
        or the whole function (None), running finally blocks and releasing
        temps on the way. Returns the target frame (or None)."""
        saved_frames = self.frames
        try:
            index = len(self.frames) - 1
            while index >= 0:
                frame = self.frames[index]
                if target_frame_type is not None and isinstance(frame, target_frame_type):
                    return frame
                for line in self._frame_exit_lines(frame):
                    self.emit(line)
                if isinstance(frame, FinallyFrame):
                    self.frames = saved_frames[:index]
                    emit_statements(frame.final, self)
                index -= 1
            return None
        finally:
            self.frames = saved_frames

    def innermost_handler(self):
        for frame in reversed(self.frames):
            if isinstance(frame, HandlerFrame):
                return frame
        return None
