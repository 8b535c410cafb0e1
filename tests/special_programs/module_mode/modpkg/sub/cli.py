"""Run with ``python -m modpkg.sub.cli``: compiled, it runs from inside the
extension module (runpy gets a code object from the embedded loader)."""
import sys

from . import leaf


def main(args):
    print("cli", __name__, __package__, leaf.LEAF, args)
    return len(args)


if __name__ == "__main__":
    print("compiled" if "__compiled__" in globals() else "source", main.__module__)
    sys.exit(main(sys.argv[1:]))
