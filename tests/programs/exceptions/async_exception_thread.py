# An exception sent to a thread (PyThreadState_SetAsyncExc) is raised in
# its running loop, and the thread goes on normally afterwards.
import ctypes
import threading
import time


class Stop(Exception):
    pass


started = threading.Event()
result = []


def worker():
    count = 0
    try:
        started.set()
        while True:
            count += 1
    except Stop:
        result.append("stopped")
    total = 0
    for i in range(100000):
        total += i
    result.append(total)


t = threading.Thread(target=worker)
t.start()
started.wait()
time.sleep(0.05)
sent = ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(t.ident), ctypes.py_object(Stop))
t.join(10)
print(sent, t.is_alive(), result)
begin = time.perf_counter()
x = 0
for i in range(2000000):
    x += i
print(x, time.perf_counter() - begin < 5)
