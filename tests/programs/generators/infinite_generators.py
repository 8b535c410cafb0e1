# Infinite generators consumed lazily with itertools and pipelines.
import itertools


def naturals(start=0):
    n = start
    while True:
        yield n
        n += 1


def primes():
    found = []
    for n in naturals(2):
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n


def take(n, it):
    return list(itertools.islice(it, n))


print(take(5, naturals()))
print(take(15, primes()))
print(list(itertools.islice(naturals(), 10, 20, 3)))
print(list(itertools.takewhile(lambda x: x < 5, naturals())))
print(take(5, itertools.dropwhile(lambda x: x < 100, naturals())))
print(take(6, itertools.cycle("ab")))
print(take(4, itertools.repeat("r")))
print(take(5, itertools.accumulate(naturals(1))))
print(take(3, zip(naturals(), "xyz", primes())))
print(take(5, filter(lambda n: n % 3 == 0, naturals(1))))
print(take(5, map(lambda n: n * n, naturals())))
print(take(4, itertools.chain([-2, -1], naturals())))
print(take(4, itertools.starmap(pow, zip(naturals(), itertools.repeat(2)))))
print(take(3, itertools.compress(naturals(), itertools.cycle([1, 0]))))
print(list(itertools.islice(itertools.count(10, 5), 4)))
print(next(n for n in naturals() if n * n > 200))
print(take(3, (p for p in primes() if p > 50)))


def pipeline():
    evens = (n for n in naturals() if n % 2 == 0)
    squares = (n * n for n in evens)
    labelled = ("sq=%d" % s for s in squares)
    return take(4, labelled)


print(pipeline())
a, b = itertools.tee(naturals())
print(take(3, a), take(5, b))
groups = itertools.groupby(take(10, naturals()), key=lambda n: n // 4)
print([(k, list(g)) for k, g in groups])
print(take(3, itertools.pairwise(naturals())))
print(take(4, itertools.product("ab", take(3, naturals()))))


def gen_sum(limit):
    total = 0
    for n in naturals():
        if n > limit:
            return total
        total += n


print(gen_sum(100))
it = naturals()
for value in it:
    if value >= 3:
        break
print("continue same iterator", next(it), next(it))
