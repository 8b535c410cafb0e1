# A signal raised by a call runs its handler before the next statement, as
# CPython checks for pending signals after each call.
import _thread
import os
import signal


def handler(signum, frame):
    print("handler", signal.Signals(signum).name, frame is not None)


signal.signal(signal.SIGUSR1, handler)


def kill_self():
    os.kill(os.getpid(), signal.SIGUSR1)
    print("after os.kill")
    signal.raise_signal(signal.SIGUSR1)
    print("after raise_signal")
    values = [signal.raise_signal(signal.SIGUSR1), print("in list")]
    print("after list", values)


kill_self()


def interrupt():
    try:
        _thread.interrupt_main()
        print("not reached")
    except KeyboardInterrupt:
        print("KeyboardInterrupt right after the call")
    try:
        _thread.interrupt_main()
        print("not reached either")
    except KeyboardInterrupt as e:
        print("again", type(e).__name__, e.__traceback__.tb_lineno)


interrupt()


class Alarm(Exception):
    pass


def raising(signum, frame):
    raise Alarm("from handler")


signal.signal(signal.SIGUSR2, raising)


def raise_in_handler():
    try:
        signal.raise_signal(signal.SIGUSR2)
        print("not reached")
    except Alarm as e:
        print("caught", e, e.__traceback__.tb_lineno)


raise_in_handler()
