import io

from rich.console import Console
from rich.progress import Progress
from rich.table import Table

console = Console(file=io.StringIO(), width=60, color_system=None, force_terminal=False)
table = Table(title="Things")
table.add_column("name")
table.add_column("value", justify="right")
for i in range(3):
    table.add_row("item %d" % i, str(i * i))
console.print(table)
with Progress(console=console, auto_refresh=False) as progress:
    task = progress.add_task("work", total=3)
    for _ in range(3):
        progress.advance(task)
print("\n".join(console.file.getvalue().splitlines()[:8]))
