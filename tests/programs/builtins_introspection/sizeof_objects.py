# sys.getsizeof() of compiled functions, generators, coroutines and async
# generators answers as for uncompiled ones.
import sys
def g():
    x = 1
    yield x
async def c():
    pass
async def ag():
    yield 1
def f(): pass
co = c()
print(sys.getsizeof(g()), sys.getsizeof(co), sys.getsizeof(ag()), sys.getsizeof(f))
co.close()
