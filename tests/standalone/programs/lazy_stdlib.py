"""Standard library modules that others import inside functions, which the
program never imports itself: they must be in the folder all the same."""

import asyncio
import os
import shutil
import tempfile


def work(x):
    return x * 2


async def main():
    loop = asyncio.get_running_loop()
    print(await loop.run_in_executor(None, work, 21))  # concurrent.futures.thread
    print(await asyncio.to_thread(work, 5))
    print(os.popen("echo popen").read().strip())  # subprocess
    with tempfile.TemporaryDirectory() as folder:
        with open(os.path.join(folder, "data.txt"), "w") as f:
            f.write("x" * 100)
        archive = shutil.make_archive(os.path.join(folder, "archive"), "gztar", folder, "data.txt")  # tarfile, gzip
        print(os.path.basename(archive), os.path.getsize(archive) > 0)
    try:
        raise ValueError("wide \u4e16\u754c")  # traceback's display width: unicodedata
    except ValueError:
        import traceback
        print(traceback.format_exc().splitlines()[-1])


asyncio.run(main())
