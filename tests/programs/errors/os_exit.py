# os._exit skips cleanup: finally blocks and atexit handlers do not run, and
# unflushed output is lost.
import atexit
import os
import sys

atexit.register(print, "atexit never runs")
print("flushed line", flush=True)
sys.stdout.flush()
try:
    print("this stays in the buffer and is lost")
    os._exit(7)
finally:
    print("finally never runs")
