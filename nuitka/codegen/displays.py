"""Code generation for list, tuple, set and dict displays.

They are built the way CPython's compiler builds them (``compile.c``:
``starunpack_helper``, ``compiler_dict``), since that decides what a
program can see: when an unhashable item raises (before or after the
later items are evaluated) and how big the result is
(``sys.getsizeof``):

* a list or set of more than two constants is an empty one extended from a
  constant tuple or frozenset (the frontend makes it ``[*const]``);
* a display with more than 30 items (``STACK_USE_GUIDELINE``), or with a
  starred item, starts empty and gets each item as soon as it is evaluated;
  runs of constants among them are added from one constant tuple by a C
  loop (``Nuitka_AddConstItems``), so a big literal of data is not one C
  temporary per item;
* other displays evaluate all items, then build;
* a dict is built in chunks of at most 16 items evaluated together (more
  than 15 items: items added one by one, runs of constant items from a
  pair of constant tuples), each ``**mapping`` merged in its place, later
  chunks merged into the first (DICT_UPDATE); a chunk of 2 to 15 items
  with constant keys takes them from one constant tuple
  (BUILD_CONST_KEY_MAP).
"""

from .expressions import emit_call_result, emit_expr, emitter

# compile.c
STACK_USE_GUIDELINE = 30


def _plain_constant(node):
    """A constant that may go into a constant tuple of items."""
    return node.kind == "ExprConstant" and not isinstance(node.value, (frozenset, slice))


def _runs(nodes, flags):
    """Split items into ("const", [values]) runs of two or more plain
    constants (not starred) and ("item", node, is_star)."""
    result = []
    i = 0
    while i < len(nodes):
        j = i
        while j < len(nodes) and not flags[j] and _plain_constant(nodes[j]):
            j += 1
        if j - i >= 2:
            result.append(("const", [n.value for n in nodes[i:j]]))
            i = j
        else:
            result.append(("item", nodes[i], flags[i]))
            i += 1
    return result


def emit_sequence_display(node, ctx, kind):
    count = len(node.elements)
    incremental = any(node.star_flags) or count > STACK_USE_GUIDELINE
    if not incremental:
        return _emit_built(node, ctx, kind)
    container = ctx.new_ctemp()
    ctx.emit("%s = %s;" % (container, "PySet_New(NULL)" if kind == "set" else "PyList_New(0)"))
    ctx.check_null(container)
    ctx.add_live(container)
    for run in _runs(node.elements, node.star_flags):
        if run[0] == "const":
            ctx.set_position(node.source_ref)
            ctx.check("Nuitka_AddConstItems(%s, %s) < 0" % (container, ctx.module.const_ref(tuple(run[1]))))
            continue
        _, element, is_star = run
        value = emit_expr(element, ctx)
        ctx.set_position(node.source_ref)
        if kind == "set":
            func = "Nuitka_SetUpdate" if is_star else "PySet_Add"
        else:
            func = "Nuitka_ListExtend" if is_star else "PyList_Append"
        ctx.check("%s(%s, %s) < 0" % (func, container, value))
        ctx.release(value)
    if kind == "tuple":
        result = emit_call_result(ctx, node, "PyList_AsTuple(%s)" % container)
        ctx.release(container)
        return result
    return container


def _emit_built(node, ctx, kind):
    """All items evaluated, then the container built (BUILD_LIST n & co.)."""
    values = [emit_expr(e, ctx) for e in node.elements]
    result = ctx.new_ctemp()
    if kind == "set":
        ctx.emit("%s = PySet_New(NULL);" % result)
        ctx.check_null(result)
        ctx.add_live(result)
        ctx.set_position(node.source_ref)
        for value in values:
            ctx.check("PySet_Add(%s, %s) < 0" % (result, value))
        for value in reversed(values):
            ctx.release(value)
        return result
    creator = "PyList_New" if kind == "list" else "PyTuple_New"
    setter = "PyList_SET_ITEM" if kind == "list" else "PyTuple_SET_ITEM"
    ctx.emit("%s = %s(%d);" % (result, creator, len(values)))
    ctx.check_null(result)
    for i, value in enumerate(values):
        ctx.emit("%s(%s, %d, %s);" % (setter, result, i, value))
        ctx.forget(value)
    ctx.add_live(result)
    return result


@emitter("ExprMakeList")
def emit_make_list(node, ctx):
    return emit_sequence_display(node, ctx, "list")


@emitter("ExprMakeTuple")
def emit_make_tuple(node, ctx):
    if not node.elements:
        result = ctx.new_ctemp()
        ctx.emit("%s = PyTuple_New(0);" % result)
        ctx.check_null(result)
        ctx.add_live(result)
        return result
    return emit_sequence_display(node, ctx, "tuple")


@emitter("ExprMakeSet")
def emit_make_set(node, ctx):
    return emit_sequence_display(node, ctx, "set")


def dict_chunks(keys):
    """compiler_dict's grouping of a dict display's items: ("update", i)
    for ``**values[i]``, ("items", begin, end) for a sub-dict."""
    chunks = []
    elements = 0
    for i, key in enumerate(keys):
        if key is None:
            if elements:
                chunks.append(("items", i - elements, i))
                elements = 0
            chunks.append(("update", i))
        elif elements * 2 > STACK_USE_GUIDELINE:
            chunks.append(("items", i - elements, i + 1))
            elements = 0
        else:
            elements += 1
    if elements:
        chunks.append(("items", len(keys) - elements, len(keys)))
    return chunks


@emitter("ExprMakeDict")
def emit_make_dict(node, ctx):
    result = None
    for chunk in dict_chunks(node.keys):
        if chunk[0] == "update":
            if result is None:
                result = _new_dict(ctx)
            value = emit_expr(node.values[chunk[1]], ctx)
            ctx.set_position(node.source_ref)
            ctx.check("Nuitka_DictUpdate(%s, %s) < 0" % (result, value))
            ctx.release(value)
            continue
        sub = _emit_subdict(node, ctx, chunk[1], chunk[2])
        if result is None:
            result = sub
        else:
            ctx.set_position(node.source_ref)
            ctx.check("PyDict_Update(%s, %s) < 0" % (result, sub))
            ctx.release(sub)
    if result is None:
        result = _new_dict(ctx)
    return result


def _new_dict(ctx):
    result = ctx.new_ctemp()
    ctx.emit("%s = PyDict_New();" % result)
    ctx.check_null(result)
    ctx.add_live(result)
    return result


def _emit_subdict(node, ctx, begin, end):
    keys = node.keys[begin:end]
    values = node.values[begin:end]
    count = end - begin
    big = count * 2 > STACK_USE_GUIDELINE
    if big:
        # BUILD_MAP 0, then MAP_ADD after each item.
        result = _new_dict(ctx)
        i = 0
        while i < count:
            j = i
            while j < count and _plain_constant(keys[j]) and _plain_constant(values[j]):
                j += 1
            if j - i >= 2:
                ctx.set_position(node.source_ref)
                ctx.check(
                    "Nuitka_DictAddConstItems(%s, %s, %s) < 0"
                    % (
                        result,
                        ctx.module.const_ref(tuple(k.value for k in keys[i:j])),
                        ctx.module.const_ref(tuple(v.value for v in values[i:j])),
                    )
                )
                i = j
                continue
            key = emit_expr(keys[i], ctx)
            value = emit_expr(values[i], ctx)
            ctx.set_position(node.source_ref)
            ctx.check("PyDict_SetItem(%s, %s, %s) < 0" % (result, key, value))
            ctx.release(value)
            ctx.release(key)
            i += 1
        return result
    const_keys = count > 1 and all(_plain_constant(k) for k in keys)
    # Evaluated in CPython's order: key, value, key, value... (values only
    # for constant keys), then the dict is made (BUILD_MAP n,
    # BUILD_CONST_KEY_MAP n).
    temps = []
    for k, v in zip(keys, values):
        if not const_keys:
            temps.append(emit_expr(k, ctx))
        temps.append(emit_expr(v, ctx))
    ctx.set_position(node.source_ref)
    result = ctx.new_ctemp()
    if const_keys:
        key_tuple = ctx.module.const_ref(tuple(k.value for k in keys))
        template = "&" + ctx.module.new_site_cache("PyObject *")
    else:
        key_tuple = template = "NULL"
    ctx.emit(
        "{ PyObject *const items_[] = {%s}; %s = Nuitka_DictFromItems(%s, items_, %d, %s); }"
        % (", ".join(temps), result, key_tuple, count, template)
    )
    ctx.check_null(result)
    for temp in reversed(temps):
        ctx.release(temp)
    ctx.add_live(result)
    return result
