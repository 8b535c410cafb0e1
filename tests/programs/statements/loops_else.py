# while/for with else, break/continue, nesting, targets and iteration protocol.

for i in range(3):
    print("for", i)
else:
    print("for else runs", i)

for i in range(10):
    if i == 2:
        continue
    if i == 4:
        break
    print("loop", i)
else:
    print("not reached")
print("after break", i)

for i in []:
    print("never")
else:
    print("empty for else")

n = 0
while n < 3:
    n += 1
    if n == 2:
        continue
    print("while", n)
else:
    print("while else", n)

while True:
    n -= 1
    if n < 0:
        break
else:
    print("not reached")
print("n", n)

for i in range(3):
    for j in range(3):
        if j == 1:
            continue
        if i == 2:
            break
        print("nested", i, j)
    else:
        print("inner else", i)


def find(items, target):
    for idx, item in enumerate(items):
        if item == target:
            return idx
    else:
        return -1


print(find("abc", "c"), find("abc", "z"))

for x in range(3):
    try:
        if x == 1:
            continue
        print("try body", x)
    finally:
        print("finally", x)

for x in range(3):
    try:
        if x == 1:
            break
    finally:
        print("finally before break", x)

result = []
for ch in "hello":
    if ch in result:
        continue
    result.append(ch)
print(result)

lst = [1, 2, 3]
for item in lst:
    if item == 1:
        lst.append(4)
    print("mutating", item)

d = {"a": 1}
try:
    for k in d:
        d["b"] = 2
except RuntimeError as e:
    print("RuntimeError", e)
s = {1}
try:
    for k in s:
        s.add(2)
except RuntimeError as e:
    print("RuntimeError", e)

print(list(range(10, 0, -3)), list(range(-5)), list(range(0, -6, -2)), range(5)[-1])
try:
    range(1, 2, 0)
except ValueError as e:
    print("ValueError", e)


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        print("__iter__")
        return self

    def __next__(self):
        if self.n <= 0:
            print("StopIteration")
            raise StopIteration
        self.n -= 1
        return self.n


for v in Countdown(3):
    print("countdown", v)


class OldStyle:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * i


for v in OldStyle():
    print("getitem iter", v)

try:
    for v in 5:
        pass
except TypeError as e:
    print("TypeError", e)


class BadIter:
    def __iter__(self):
        return 5


try:
    for v in BadIter():
        pass
except TypeError as e:
    print("TypeError", e)

i = 0
while i < 10:
    i += 1
    if i % 2:
        continue
    if i > 6:
        break
else:
    print("no")
print("while exit", i)

for i in range(2):
    pass
print("loop var survives", i)
total = 0
for a, b in zip(range(3), range(10, 13)):
    total += a * b
print(total)
it = iter(range(5))
for x in it:
    if x == 1:
        print("skip", next(it))
print(list(it))
count = 0
while count < 5:
    count += 1
    for z in range(count):
        if z == 2:
            break
    else:
        continue
    break
print("count", count)
