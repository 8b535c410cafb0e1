"""ccache's own counters around a build (for ``--report``).

``ccache --print-stats`` (ccache 4.x) prints ``name<TAB>value`` lines; the
difference of ``direct_cache_hit + preprocessed_cache_hit`` and
``cache_miss`` before and after a build tells how many compilations ccache
answered from its cache.  The counters belong to the whole ccache folder,
so builds running at the same time with the same folder count too.
Older ccache versions without ``--print-stats``: no numbers.
"""

import subprocess
from typing import Dict, Optional


def read_ccache_stats(ccache: str, env=None) -> Optional[Dict[str, int]]:
    try:
        result = subprocess.run([ccache, "--print-stats"], stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                timeout=30, check=False, env=env)
    except (OSError, subprocess.SubprocessError):
        return None
    if result.returncode != 0:
        return None
    stats = {}
    for line in result.stdout.decode("utf-8", "replace").splitlines():
        name, _, value = line.partition("\t")
        if value.strip().isdigit():
            stats[name.strip()] = int(value)
    return stats or None


def ccache_delta(before, after) -> Optional[Dict[str, int]]:
    """``{"hits": .., "misses": ..}`` between two readings, or None."""
    if not before or not after:
        return None

    def count(stats, *names):
        return sum(stats.get(name, 0) for name in names)

    return {
        "hits": count(after, "direct_cache_hit", "preprocessed_cache_hit")
        - count(before, "direct_cache_hit", "preprocessed_cache_hit"),
        "misses": count(after, "cache_miss") - count(before, "cache_miss"),
    }
