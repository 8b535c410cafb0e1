import io
import os

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib import font_manager

print("backend", matplotlib.get_backend())
print("mpl-data found", os.path.isfile(os.path.join(matplotlib.get_data_path(), "matplotlibrc")))
print("style", "ggplot" in plt.style.available)
font = font_manager.findfont("DejaVu Sans", fallback_to_default=False)
print("font", os.path.basename(font))

fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(6, 3), dpi=100)
xs = [x / 10 for x in range(63)]
ax1.plot(xs, [x * x for x in xs], label="square")
ax1.set_title("Square $x^2$")
ax1.legend()
ax2.bar(["a", "b", "c"], [3, 1, 2], color="tab:orange")
ax2.text(0, 2.5, "text", fontsize=14)
fig.tight_layout()
buf = io.BytesIO()
fig.savefig(buf, format="png")
data = buf.getvalue()
print("png", data[:8] == b"\x89PNG\r\n\x1a\n", "size class", "KB" if 5000 < len(data) < 500000 else len(data))
import struct
print("png dims", struct.unpack(">II", data[16:24]))
buf = io.BytesIO()
fig.savefig(buf, format="svg")
print("svg", b"<svg" in buf.getvalue())
canvas = fig.canvas
canvas.draw()
print("rgba", canvas.buffer_rgba().shape)
