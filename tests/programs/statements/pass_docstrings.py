"""Module docstring of pass_docstrings."""
# pass, docstrings, empty bodies, expression statements and semicolons.


def empty():
    pass


def only_doc():
    """Only a docstring."""


def ellipsis_body():
    ...


class Empty:
    pass


class DocOnly:
    """Class doc."""


def not_doc():
    x = 1
    """This string is not a docstring."""
    return x


def fstring_not_doc():
    f"""f-string is {'not'} a docstring"""


print(empty(), only_doc(), ellipsis_body(), not_doc())
print(empty.__doc__, only_doc.__doc__, DocOnly.__doc__, Empty.__doc__, not_doc.__doc__)
print(fstring_not_doc.__doc__)
print(__doc__)
if True:
    pass
for _ in range(2):
    pass
while False:
    pass
try:
    pass
except Exception:
    pass
finally:
    pass
with open(__file__):
    pass
a = 1; b = 2; print(a, b);
1 + 1
"expression statement"
None
[x for x in range(3)]
print("semicolons and expression statements fine")


class WithPass:
    pass

    def method(self):
        pass

    pass


print(WithPass().method())
x = lambda: None
print(x())
if a:
    pass
elif b:
    pass
else:
    pass


def docstring_with_escapes():
    "single quoted \t docstring with \\ escapes"


print(repr(docstring_with_escapes.__doc__))


def indented_doc():
    """
    First line.

        Indented line.
    """


print(repr(indented_doc.__doc__))
import inspect

print(repr(inspect.getdoc(indented_doc)))
print(repr(inspect.cleandoc(indented_doc.__doc__)))
