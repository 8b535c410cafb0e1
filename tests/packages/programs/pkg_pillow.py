import io
from PIL import Image, ImageDraw

image = Image.new("RGB", (40, 30), "white")
draw = ImageDraw.Draw(image)
draw.rectangle((5, 5, 20, 20), fill=(255, 0, 0))
draw.line((0, 0, 39, 29), fill=(0, 0, 255), width=2)
buffer = io.BytesIO()
image.save(buffer, format="PNG")
data = buffer.getvalue()
print(data[:8], len(data) > 50)
again = Image.open(io.BytesIO(data))
print(again.size, again.mode, again.getpixel((10, 10)))
