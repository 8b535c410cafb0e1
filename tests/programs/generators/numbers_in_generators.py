# Arithmetic and subscripts on numbers inside generators (nqueens'
# permutations): the generator's state is released at its end without
# touching values it no longer owns.


def permutations(n, r):
    cycles = list(range(n - r + 1, n + 1))[::-1]
    indices = list(range(n))
    yield tuple(indices[:r])
    while n:
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield tuple(indices[:r])
                break
        else:
            return


print(list(permutations(3, 2)))
print(sum(1 for _ in permutations(5, 5)))


def mixed(values):
    total = 0.5
    for k, v in enumerate(values):
        total = total * 2 + v - k / 3
        yield total, values[k - 1] * 2 + 1
print(list(mixed([1, 2.5, 3, 10 ** 30])))
