# six's lazy "moves" modules, decorator's signature-preserving wrappers and a
# pyparsing grammar (packrat, parse actions, exceptions with line and column).
import inspect

import decorator
import pyparsing as pp
import six
from six.moves import queue, reduce
from six.moves.urllib.parse import urlencode, urlparse


@decorator.decorator
def traced(func, *args, **kwargs):
    print("call", func.__name__, args, kwargs)
    return func(*args, **kwargs)


@traced
def area(width, height=2, *, unit="m"):
    """Area of a rectangle."""
    return "%d %s2" % (width * height, unit)


print(area(3), area(4, height=5, unit="cm"))
print(inspect.signature(area), area.__doc__, area.__wrapped__.__name__)

q = queue.Queue()
q.put(1)
print(q.get(), reduce(lambda a, b: a * b, range(1, 6)), urlparse("http://x.org/p?q=1").netloc)
print(urlencode({"a": 1, "b": "x y"}), six.PY3, six.text_type.__name__, six.moves.range(3))

pp.ParserElement.enable_packrat()
integer = pp.pyparsing_common.signed_integer
ident = pp.Word(pp.alphas + "_", pp.alphanums + "_")
operand = integer | ident
expr = pp.infix_notation(operand, [(pp.one_of("* /"), 2, pp.OpAssoc.LEFT), (pp.one_of("+ -"), 2, pp.OpAssoc.LEFT)])
assignment = ident("target") + pp.Suppress("=") + expr("value")
print(assignment.parse_string("x = 3 + 4 * (y - 2)").as_dict())
try:
    assignment.parse_string("x = = 3", parse_all=True)
except pp.ParseException as e:
    print("error at line", e.lineno, "col", e.col, type(e).__name__)
print(pp.common.ipv4_address.parse_string("10.0.0.1")[0], pp.__version__ is not None)
