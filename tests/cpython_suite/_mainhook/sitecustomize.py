"""Debug "program" mode of tests/cpython_suite/driver.py only.

With CPYSUITE_MAIN=name:out.jsonl in the environment, make the test module
running as ``__main__`` (compiled program or CPython script) hand its tests to
the collector when it calls ``unittest.main()``.
"""

import os
import sys

_spec = os.environ.get("CPYSUITE_MAIN")
if _spec:
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    import collector as _collector

    _name, _, _out = _spec.partition(":")
    _collector._configure_support()
    _collector._main_hook(_name, _out)
    del sys.path[0]
