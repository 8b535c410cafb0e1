# Traceback formatting of many failing expression forms, printed with
# traceback.print_exc() (stderr), so one program can show many of them.
import traceback


class Obj:
    attr = None

    def method(self):
        return self.attr.missing


def run(label, func):
    print("case:", label)
    try:
        func()
    except Exception:
        traceback.print_exc()


data = {"key": [1, 2, 3]}
obj = Obj()


def subscript():
    return data["key"][10]


def nested_subscript():
    return data["nokey"]["x"]


def attribute():
    return obj.attr.missing


def method_chain():
    return obj.method()


def call_result():
    return len(5)


def binary_op():
    a, b = 1, "x"
    return a + b


def division():
    x = 0
    return (1 + 2) / x


def multiline_call():
    return max(
        1,
        "two",
    )


def multiline_expression():
    total = (
        1
        + 2
        + None
    )
    return total


def unpacking():
    a, b = [1, 2, 3]


def comparison():
    return [] < {}


def call_non_callable():
    f = 5
    return f(1)


def dict_in_call():
    return dict(a=1)["b"]


def lambda_failure():
    return (lambda x: x.nope)(1)


def power():
    return 2 ** "x"


def assert_failure():
    assert 1 == 2, "numbers differ"


def chained_calls():
    return "abc".upper().lower().missing()


for f in (subscript, nested_subscript, attribute, method_chain, call_result, binary_op, division,
          multiline_call, multiline_expression, unpacking, comparison, call_non_callable, dict_in_call,
          lambda_failure, power, assert_failure, chained_calls):
    run(f.__name__, f)
print("done")
