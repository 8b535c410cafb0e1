"""Measurement tool (not a test): a standalone build without C generation and
compilation, for programs whose compiled code would take hours of C compiler
(the numpy program without anti-bloat, doc/user-manual.rst).  Standalone build without C generation/compilation: the module graph and the
folder (extensions, shared libraries, data files, stdlib, bytecode) are the real
ones; the program binary is a copy of STUB_BINARY (a real compiled program's
binary, so its library needs are the same). Prints module count, their source
bytes and the biggest top-level packages; measure the folder with du/find.
Usage: PYTHONPATH=REPO python3 size_without_compiled_code.py STUB_BINARY --standalone ... prog.py"""
import json, os, shutil, sys
from pathlib import Path
stub = sys.argv.pop(1)
from nuitka import session as S
stats = {}
def generate_code(self, cache, build_dir):
    from nuitka.frontend.source import read_source_bytes
    from nuitka.session import _parse_for_scan
    graph = self.graph
    while True:
        module = graph.next_module()
        if module is None:
            break
        try:
            source_bytes = read_source_bytes(module.filename)
        except OSError:
            graph.drop(module)
            continue
        source_bytes = self._plugin_source(module, source_bytes)
        graph.scan(module, _parse_for_scan(source_bytes, module.filename))
    self.generated = []
    mods = list(self.graph.compiled_modules())
    stats["modules"] = len(mods)
    stats["source_bytes"] = sum(os.path.getsize(m.filename) for m in mods if m.filename and os.path.isfile(m.filename))
    tops = {}
    for m in mods:
        t = m.name.split(".")[0]
        tops[t] = tops.get(t, 0) + 1
    stats["tops"] = sorted(tops.items(), key=lambda kv: -kv[1])[:25]
    return []
def build(self, cache, build_dir, c_files, output_path):
    shutil.copy(stub, output_path)
S.CompilationSession.generate_code = generate_code
S.CompilationSession.build = build
from nuitka.main_driver import main
rc = main(sys.argv[1:])
print("DRYRUN", json.dumps(stats))
sys.exit(rc)
