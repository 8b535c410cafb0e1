# SystemExit with various payloads; the last one decides the exit code.
import sys

for payload in (None, 0, 5, "text", [1, 2], True):
    try:
        raise SystemExit(payload)
    except SystemExit as e:
        print(repr(payload), "->", repr(e.code), e.args)
try:
    sys.exit()
except SystemExit as e:
    print("sys.exit() code", e.code)
try:
    exit(4)
except SystemExit as e:
    print("exit(4) code", e.code)
print("exiting with a list payload")
raise SystemExit(["a", "list"])
