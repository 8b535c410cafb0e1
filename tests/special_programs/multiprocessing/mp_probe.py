"""multiprocessing with the start method given as argument (spawn,
forkserver, fork): a Pool mapping a function of the main module, a Process
running one, a Queue; the output is compared with CPython."""
import multiprocessing
import os
import sys

LOADED_AS = __name__


def square(x):
    return x * x


def child(queue, text):
    queue.put((text.upper(), LOADED_AS, multiprocessing.current_process().name, sys.argv[1:],
               # The child runs the same (compiled or not) code as the parent.
               "__compiled__" in globals()))


def main():
    method = sys.argv[1]
    ctx = multiprocessing.get_context(method)
    with ctx.Pool(2) as pool:
        print("pool", pool.map(square, range(8)))
    queue = ctx.Queue()
    process = ctx.Process(target=child, args=(queue, "hello"), name="worker-1")
    process.start()
    said = queue.get(timeout=60)
    print("child said", said[:-1], "compiled like the parent", said[-1] == ("__compiled__" in globals()))
    process.join()
    print("exit code", process.exitcode)
    print("main module name", __name__, "children gone", multiprocessing.active_children() == [])


if __name__ == "__main__":
    main()
else:
    # Children import the main module as __mp_main__; no output from here.
    assert __name__ == "__mp_main__", __name__
