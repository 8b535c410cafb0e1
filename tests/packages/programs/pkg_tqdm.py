import io
import re

from tqdm import tqdm, trange
from tqdm.contrib import tenumerate

out = io.StringIO()
total = 0
for i in tqdm(range(50), file=out, desc="work", mininterval=0, ascii=True):
    total += i
print("total", total)
text = out.getvalue()
# Elapsed times and rates vary: mask them, keep the bars.
frames = [re.sub(r"\[.*\]", "[T]", f) for f in text.split("\r") if f]
print(len(frames) > 1, frames[-1].strip())
out = io.StringIO()
with tqdm(total=10, file=out, unit="B", unit_scale=True, bar_format="{l_bar}{bar:10}| {n_fmt}/{total_fmt}") as bar:
    for _ in range(5):
        bar.update(2)
print(out.getvalue().split("\r")[-1].strip())
out = io.StringIO()
print(sum(x for _, x in tenumerate([3, 4, 5], file=out)), "tenumerate")
print(list(trange(3, file=io.StringIO())))
print(tqdm.format_sizeof(123456789), tqdm.format_interval(3725))
