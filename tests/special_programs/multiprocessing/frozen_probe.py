"""A spawn child started the way multiprocessing starts frozen programs
(sys.frozen set, as a standalone program may do): prog --multiprocessing-fork
tracker_fd=N pipe_handle=M."""
import multiprocessing
import os
import sys


def child(queue):
    queue.put(("child", __name__, "__compiled__" in globals()))


if __name__ == "__main__":
    sys.frozen = True
    sys.executable = os.path.abspath(sys.argv[0])
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    process = ctx.Process(target=child, args=(queue,))
    process.start()
    print(queue.get(timeout=60))
    process.join()
    print("exit code", process.exitcode)
