# raise X from C where calling the class C gives no exception instance
# (3.13 raises TypeError, older versions take the object as the cause).
class ConstructsNone(BaseException):
    @classmethod
    def __new__(*args, **kwargs):
        return None
try:
    raise IndexError from ConstructsNone
except BaseException as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)
