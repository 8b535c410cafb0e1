import os
import psutil

p = psutil.Process(os.getpid())
print(p.pid == os.getpid(), p.is_running(), isinstance(p.memory_info().rss, int))
print(psutil.cpu_count() >= 1, psutil.virtual_memory().total > 0)
print(type(psutil.boot_time()).__name__)
