# An uncaught KeyboardInterrupt: traceback printed and the process ends as
# if killed by SIGINT.


def long_running():
    print("working")
    raise KeyboardInterrupt


try:
    long_running()
except KeyboardInterrupt:
    print("first interrupt handled")
long_running()
