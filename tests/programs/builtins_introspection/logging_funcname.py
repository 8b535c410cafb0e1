# logging records carry funcName, lineno, module and filename of the
# (compiled) calling frame.
import logging
import sys

handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(logging.Formatter("%(levelname)s|%(name)s|%(module)s|%(filename)s|%(funcName)s|%(lineno)d|%(message)s"))
log = logging.getLogger("test.logger")
log.addHandler(handler)
log.setLevel(logging.DEBUG)
log.propagate = False

log.info("module level")


def function_logs():
    log.debug("in function %s", "arg")


def nested():
    def inner():
        log.warning("in inner")

    inner()


class Service:
    def run(self):
        log.error("in method")

    @classmethod
    def start(cls):
        log.info("in classmethod")

    @property
    def state(self):
        log.info("in property")
        return "ok"


function_logs()
nested()
Service().run()
Service.start()
Service().state
(lambda: log.info("in lambda"))()
[log.info("in comprehension %d", i) for i in range(1)]


def gen():
    log.info("in generator")
    yield


list(gen())


def fails():
    return 1 / 0


try:
    fails()
except ZeroDivisionError:
    log.exception("caught error")


def wrapper_log(msg):
    log.info(msg, stacklevel=2)


def calls_wrapper():
    wrapper_log("attributed to caller via stacklevel")


calls_wrapper()
logging.basicConfig(stream=sys.stdout, format="root:%(funcName)s:%(lineno)d:%(message)s", level=logging.INFO)
logging.info("root logger at module level")


def root_in_function():
    logging.warning("root logger in function")


root_in_function()
record = log.makeRecord("n", logging.INFO, "fn", 1, "msg", None, None, func="f")
print(record.funcName, record.lineno)


def find_caller():
    return log.findCaller()[1:3]


print(find_caller())
