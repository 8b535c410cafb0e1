# A program using common standard library modules, compared with CPython.
import argparse
import asyncio
import ctypes
import decimal
import json
import sqlite3
import ssl
import sys

parser = argparse.ArgumentParser(prog="stdlib_user")
parser.add_argument("--count", type=int, default=3)
args = parser.parse_args(sys.argv[1:])

print(json.dumps({"b": [1, 2.5, None], "a": "x"}, sort_keys=True))
print(json.loads('{"k": [true, false]}'))

async def work(n):
    await asyncio.sleep(0)
    return n * n

async def main():
    return await asyncio.gather(*(work(i) for i in range(args.count)))

print(asyncio.run(main()))

con = sqlite3.connect(":memory:")
con.execute("create table t (a integer, b text)")
con.executemany("insert into t values (?, ?)", [(1, "one"), (2, "two")])
print(con.execute("select sum(a), group_concat(b) from t").fetchone())
con.close()

decimal.getcontext().prec = 30
print(decimal.Decimal(1) / decimal.Decimal(7))

context = ssl.create_default_context()
print(type(context).__name__, context.verify_mode == ssl.CERT_REQUIRED)
print(ssl.OPENSSL_VERSION.split()[0])

libc = ctypes.CDLL(None)
print(libc.abs(-5), ctypes.sizeof(ctypes.c_int))
print("caf\u00e9".encode("cp1252"), "x".encode("idna"))
