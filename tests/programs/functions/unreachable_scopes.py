# Scopes in unreachable code (after return/raise/break): CPython 3.10+
# drops their code objects; they are never created.
def g():
    return 1
    def h(): pass
    x = lambda: 2


def k():
    for i in range(3):
        break
        print([j for j in range(i)])
    raise ValueError("k")
    class C:
        pass


if 0:
    f = lambda: 1
print(g())
try:
    k()
except ValueError as e:
    print(e)
