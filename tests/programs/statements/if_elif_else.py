# if/elif/else chains, truthiness and nesting.


def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        if n % 2:
            return "small odd"
        else:
            return "small even"
    elif n < 100:
        pass
    else:
        return "big"
    return "medium"


for n in (-5, 0, 3, 4, 50, 1000):
    print(n, classify(n))


def truth(v):
    print("test", repr(v))
    return v


if truth(0):
    print("no")
elif truth(""):
    print("no")
elif truth([1]):
    print("third branch")
else:
    print("no")

if truth(1) and truth(0) or truth(2):
    print("combined")
if not truth(None):
    print("not None")
x = 5
if x:
    if x > 3:
        if x > 4:
            print("deep")
if x == 5: print("one-liner")
if x != 5: print("no")
else: print("else one-liner")
if (y := x * 2) > 8:
    print("walrus", y)


class Truthy:
    def __bool__(self):
        print("__bool__ called")
        return False


if Truthy():
    print("no")
else:
    print("falsy object")
if []:
    pass
elif {}:
    pass
else:
    print("empty containers falsy")
value = 3
if value in (1, 2):
    print("no")
elif value in {3, 4}:
    print("in set")
if isinstance(value, int) and not isinstance(value, bool):
    print("int not bool")
if True:
    pass
if False:
    print("dead code")
    undefined_function()
else:
    print("else of constant false")
while False:
    undefined_function()
if 0: pass
elif 1: print("elif constant")
