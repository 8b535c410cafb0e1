# An uncaught RecursionError: the traceback collapses repeated lines.
import sys

sys.setrecursionlimit(60)


def countdown(n):
    return countdown(n + 1) + 1


print("recursing")
countdown(0)
