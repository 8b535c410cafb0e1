# An exception in a thread is reported by threading.excepthook; the main
# thread continues and exits with 0.
import threading


def worker(n):
    print("worker", n, "starting")
    if n == 1:
        raise ValueError("worker %d failed" % n)
    print("worker", n, "done")


for n in range(3):
    t = threading.Thread(target=worker, args=(n,), name="Worker-%d" % n)
    t.start()
    t.join()
print("main thread finished")
