print("executing pkg_basic/mod_a.py as", __name__, "package", __package__)
A_CONST = 1


def helper():
    return "helper from " + __name__


class AClass:
    def where(self):
        return type(self).__module__, type(self).__qualname__
