# Evaluation order of operands, arguments, targets and subscripts.


def v(x):
    print("eval", repr(x))
    return x


class T:
    def __init__(self, name):
        self.name = name

    def __getitem__(self, k):
        print("getitem", self.name, k)
        return T(self.name + "[%s]" % (k,))

    def __setitem__(self, k, val):
        print("setitem", self.name, k, val)

    def __getattr__(self, attr):
        print("getattr", self.name, attr)
        return T(self.name + "." + attr)

    def __setattr__(self, attr, val):
        if attr == "name":
            object.__setattr__(self, attr, val)
        else:
            print("setattr", self.name, attr, val)

    def __call__(self, *args, **kwargs):
        print("call", self.name, args, kwargs)
        return T(self.name + "()")

    def __add__(self, other):
        print("add", self.name, other)
        return self

    def __repr__(self):
        return "T(%s)" % self.name


print(v(1) + v(2) * v(3) - v(4) ** v(2))
print(v(2) ** v(3) ** v(2))
print(v([1, 2])[v(0)])
print(v(1) < v(2) and v(3) or v(4))
v(T("t"))[v("k")] = v("value")
v(T("t")).attr = v("value2")
v(T("a"))[v(0)], v(T("b")).x = v(1), v(2)
x = [0, 0, 0]
i = 0
i, x[i] = 1, 2
print(i, x)
x[i], i = 3, 2
print(i, x)
t = T("root")
t.a.b[1].c(v(1), k=v(2))[v(3)] = v(4)
print(v(T("f"))(v(1), *v([2]), k=v(3), **v({"m": 4})))
print(v(T("p")) + v(5))
d = {v("a"): v(1), **{v("b"): v(2)}, v("c"): v(3)}
print(d)
print({v(k): v(k * 2) for k in "xy"})
print([v(1), *v([2, 3]), v(4)])
v(T("del"))
a = b = v([])
a.append(1)
print(a, b, a is b)
x = [1, 2, 3]
x[v(0)], x[v(1)] = x[v(1)], x[v(0)]
print(x)


def f(a, b, c):
    return a, b, c


print(f(v(1), c=v(3), b=v(2)))
print(f(*[v(1)], v(2), *(v(3),)))
print(v(T("o")).method(v("arg")))
print(v("%s-%s") % (v("a"), v("b")))
print(v(lambda: "called")())
print(v(False) if v(True) else v(None))
try:
    print(v(1) + v("s") + v(2))
except TypeError as e:
    print("TypeError", e)
try:
    v(T("z"))[v(1 / 1)] = v(1) / v(0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
