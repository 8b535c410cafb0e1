# Class annotations go to the namespace's existing __annotations__ when a
# metaclass's __prepare__ provides one (SETUP_ANNOTATIONS looks first).
class CNS:
    def __init__(self):
        self._dct = {}
    def __setitem__(self, item, value):
        self._dct[item.lower()] = value
    def __getitem__(self, item):
        return self._dct[item]

class CMeta(type):
    @classmethod
    def __prepare__(metacls, name, bases, **kwds):
        return {'__annotations__': CNS()}

class CC(metaclass=CMeta):
    XX: 'ANNOT'
print(CC.__annotations__['xx'])

class Plain:
    a: int
    b: str = "x"
print(Plain.__annotations__)

class Pre(type):
    @classmethod
    def __prepare__(metacls, name, bases, **kwds):
        return {'__annotations__': {'given': 1}}
class P(metaclass=Pre):
    c: float
print(P.__annotations__)

class Logging(dict):
    def __getitem__(self, key):
        print("getitem", key)
        return super().__getitem__(key)
    def __setitem__(self, key, value):
        print("setitem", key, type(value).__name__)
        super().__setitem__(key, value)
class LM(type):
    @classmethod
    def __prepare__(metacls, name, bases, **kwds):
        return Logging()
class L(metaclass=LM):
    d: int
print(L.__annotations__)
