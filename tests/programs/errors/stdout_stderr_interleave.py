# Output to stdout (buffered) and stderr before an uncaught exception, with
# explicit flushes, sys.stdout.write and print(file=...).
import sys

print("line 1 to stdout")
print("line 1 to stderr", file=sys.stderr)
sys.stdout.write("written without newline")
sys.stdout.write("\n")
sys.stderr.write("stderr write\n")
print("flushed", flush=True)
for i in range(200):
    print("bulk", i, "x" * 50)
print("unicode: \u00e9\u2603\U0001F600")
sys.stdout.buffer.write(b"raw bytes\n")
print(end="no newline at end then exception")
raise RuntimeError("after lots of output")
