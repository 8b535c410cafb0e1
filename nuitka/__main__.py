"""Entry point for ``python -m nuitka``."""

import sys

from nuitka.main_driver import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
