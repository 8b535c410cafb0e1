"""Modules of data compile fast into small C: tuples, lists, sets and dicts
of constants become constants of the module (made once at load from the
constants blob) instead of one C statement and temporary per item, as in
idna's ``uts46data.py`` or a big ``array.array('I', (...))``."""

import random
import re
import subprocess
import sys
import time

import pytest

from harness import compile_env, program_env

ITEMS = 6000


def _data_module():
    r = random.Random(7)
    ints = sorted(r.sample(range(2**31), ITEMS))
    lines = ["import array", "", "starts = array.array('I', ("]
    lines += ["    0x%X," % v for v in ints]
    lines += ["))", "", "table = ("]
    lines += ["    (0x%X, %r, %r)," % (v, r.choice("MVD3"), r.choice([None, "a", "bc"])) for v in ints[:2000]]
    lines += [")", "", "def seg():", "    return ["]
    lines += ["    (%d, %r)," % (i, chr(65 + i % 26)) for i in range(1000)]
    lines += ["    ]", "", "names = {"]
    lines += ["    %r: %d," % ("k%d" % i, i) for i in range(1000)]
    lines += ["}", "", "tags = {"]
    lines += ["    %r," % ("t%d" % i) for i in range(500)]
    lines += ["}", "", "mixed = [len('x'), " + ", ".join(str(i) for i in range(1000)) + ", len('yy')]"]
    lines += ["replacements = (" + ", ".join(repr(r.choice(["a", None, "\u00e9", "xyz"])) for _ in range(2000)) + ")"]
    return "\n".join(lines) + "\n"


CHECK = (
    "import data, sys\n"
    "print(len(data.starts), sum(data.starts) % 1000003, data.table[5], data.seg()[7],"
    " data.seg() == data.seg(), data.seg() is data.seg(), data.names['k999'], len(data.tags),"
    " sorted(data.tags)[:3], data.mixed[:3], data.mixed[-3:], data.replacements[:6],"
    " type(data.tags).__name__, hasattr(data, '__compiled__'))\n"
)


@pytest.mark.compiles
def test_data_module_compiles_fast_and_small(tmp_path):
    source = tmp_path / "data.py"
    source.write_text(_data_module())
    expected = subprocess.run(
        [sys.executable, "-c", CHECK], cwd=str(tmp_path), env=program_env(),
        capture_output=True, text=True, timeout=120,
    )
    assert expected.returncode == 0, expected.stderr
    assert "False\n" in expected.stdout  # uncompiled: no __compiled__

    start = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "nuitka", "--module", "data.py"],
        cwd=str(tmp_path), env=compile_env(), capture_output=True, text=True, timeout=900,
    )
    elapsed = time.monotonic() - start
    assert result.returncode == 0, result.stderr
    c_text = (tmp_path / "data.build" / "module.data.c").read_text()
    # Built item by item this was megabytes of C with thousands of
    # temporaries and took minutes of gcc; as constants it is mostly the
    # marshalled blob (about 30 bytes of C per item, data and code object
    # sharing their tuples).
    items = ITEMS + 2000 + 1000 + 1000 + 500 + 1002 + 2000
    assert len(c_text) < 40 * items, len(c_text)
    temporaries = len(re.findall(r"PyObject \*t\d+ = NULL;", c_text))
    assert temporaries < 100, temporaries
    assert elapsed < 120, elapsed

    (tmp_path / "data.py").rename(tmp_path / "data_source.txt")
    got = subprocess.run(
        [sys.executable, "-c", CHECK], cwd=str(tmp_path), env=program_env(),
        capture_output=True, text=True, timeout=120,
    )
    assert got.returncode == 0, got.stderr
    assert got.stdout == expected.stdout.replace(" False\n", " True\n")
