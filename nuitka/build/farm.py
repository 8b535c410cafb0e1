"""Compile farms: distcc and icecream as wrappers of the C compiler.

We do not distribute compilations ourselves; the existing engines do that
and we only put them in front of the compiler, following their own
conventions:

* ``CC="distcc gcc"`` or ``CC="icecc gcc"`` (optionally after ``ccache``:
  ``CC="ccache distcc gcc"``), with the hosts in ``DISTCC_HOSTS`` (or
  distcc's hosts files) and icecream's scheduler found by its daemon;
* ``CCACHE_PREFIX=distcc`` with ccache in use: ccache looks in its cache
  first and hands only misses to distcc.  This is also what we do when both
  ccache and a farm wrapper are in ``CC``.

Compile commands go through the wrapper; links stay local.  Objects built
remotely are the same bytes as local ones (distcc preprocesses locally and
the remote compiler sees the same input), so the farm does not take part
in cache keys.

Before a build, the hosts of distcc are probed (a TCP connect each, in
parallel): when none answers, the build compiles locally with one note,
instead of distcc failing over file by file.  With ``--jobs`` not given,
distcc's own slot count (``distcc -j``) is the number of parallel jobs.
"""

import os
import shlex
import shutil
import socket
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import List, Optional, Tuple

#: Names of compiler wrappers that send compilations to other machines.
FARM_WRAPPERS = ("distcc", "icecc")

#: distcc's TCP port when a host gives none.
DISTCC_DEFAULT_PORT = 3632

#: icecream's local daemon socket (per user it may be elsewhere, see below).
_ICECC_SOCKETS = ("/var/run/icecc/iceccd.socket", "/run/icecc/iceccd.socket")
_ICECC_DAEMON_PORT = 10245

_PROBE_TIMEOUT = 2.0


@dataclass(frozen=True)
class FarmInfo:
    """A compile farm wrapper in use.

    Attributes:
        kind: ``"distcc"`` or ``"icecc"``.
        path: Absolute path of the wrapper binary.
        via_ccache_prefix: The wrapper is reached through ccache's
            ``CCACHE_PREFIX`` rather than by our compile command.
    """

    kind: str
    path: str
    via_ccache_prefix: bool = False

    def default_jobs(self, local_cpus: int) -> int:
        """Parallel jobs when the user gave no ``--jobs``."""
        if self.kind == "distcc":
            try:
                result = subprocess.run(
                    [self.path, "-j"],
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.DEVNULL,
                    timeout=30,
                )
                slots = int(result.stdout.decode("ascii", "replace").strip())
                if slots > 0:
                    return max(slots, local_cpus)
            except (OSError, ValueError, subprocess.SubprocessError):
                pass
        return local_cpus

    def describe(self) -> str:
        if self.kind == "distcc":
            return "distcc (hosts: %s)" % (" ".join(get_distcc_hosts()) or "none")
        return "icecream (icecc)"


def split_wrapper(argv: List[str]) -> Tuple[Optional[str], Optional[str], List[str]]:
    """Take a farm wrapper off the front of a ``CC`` command.

    Returns the wrapper as written (or None), its absolute path (None when
    it is not installed) and the rest of the command.
    """
    if argv and os.path.basename(argv[0]) in FARM_WRAPPERS:
        found = shutil.which(argv[0])
        return argv[0], (os.path.abspath(found) if found else None), argv[1:]
    return None, None, argv


def farm_from_ccache_prefix() -> Optional[FarmInfo]:
    """A farm reached through ccache's ``CCACHE_PREFIX`` setting."""
    prefix = shlex.split(os.environ.get("CCACHE_PREFIX", ""))
    if prefix and os.path.basename(prefix[0]) in FARM_WRAPPERS:
        found = shutil.which(prefix[0])
        if found:
            return FarmInfo(
                kind=os.path.basename(prefix[0]),
                path=os.path.abspath(found),
                via_ccache_prefix=True,
            )
    return None


def get_distcc_hosts() -> List[str]:
    """distcc's host list, looked up in distcc's own order."""
    text = os.environ.get("DISTCC_HOSTS")
    if text is None:
        candidates = []
        distcc_dir = os.environ.get("DISTCC_DIR") or os.path.join(
            os.path.expanduser("~"), ".distcc"
        )
        candidates.append(os.path.join(distcc_dir, "hosts"))
        candidates.append("/etc/distcc/hosts")
        for candidate in candidates:
            try:
                with open(candidate, encoding="utf-8", errors="replace") as hosts_file:
                    text = "\n".join(
                        line.split("#", 1)[0] for line in hosts_file.read().splitlines()
                    )
                break
            except OSError:
                continue
    return (text or "").split()


def parse_tcp_host(spec: str) -> Optional[Tuple[str, int]]:
    """(host, port) of a distcc TCP host, None for other kinds of entries.

    Accepts ``HOST[:PORT][/LIMIT][,OPTIONS]`` and the old
    ``HOST[/LIMIT][:PORT]``; IPv6 addresses in brackets.
    """
    if spec.startswith(("-", "+")) or "@" in spec:
        return None  # options, zeroconf, ssh hosts
    spec = spec.split(",", 1)[0]
    if spec == "localhost" or spec.startswith("localhost/"):
        return None  # run locally by distcc itself, no daemon
    if spec.startswith("["):
        host, _, rest = spec[1:].partition("]")
    else:
        cut = min([spec.index(sep) for sep in ":/" if sep in spec] or [len(spec)])
        host, rest = spec[:cut], spec[cut:]
    port = DISTCC_DEFAULT_PORT
    for part in rest.replace("/", " /").replace(":", " :").split():
        if part.startswith(":") and part[1:].isdigit():
            port = int(part[1:])
    return (host, port) if host else None


def _answers(address: Tuple[str, int]) -> bool:
    try:
        with socket.create_connection(address, timeout=_PROBE_TIMEOUT):
            return True
    except OSError:
        return False


def probe_farm(farm: FarmInfo) -> Tuple[bool, str]:
    """Check that the farm can take work.

    Returns ``(usable, note)``: when not usable, the build compiles locally
    and the note says why; a usable farm may still come with a note (some
    hosts that do not answer).
    """
    if farm.kind == "icecc":
        if any(os.path.exists(path) for path in _ICECC_SOCKETS) or _answers(
            ("127.0.0.1", _ICECC_DAEMON_PORT)
        ):
            return True, ""
        return False, (
            "icecream's local daemon (iceccd) does not answer; compiling locally "
            "(start iceccd, or unset the icecc wrapper)"
        )

    hosts = get_distcc_hosts()
    tcp_hosts = [(spec, parse_tcp_host(spec)) for spec in hosts]
    tcp_hosts = [(spec, address) for spec, address in tcp_hosts if address]
    other_hosts = [
        spec
        for spec in hosts
        if not spec.startswith(("--", "+")) and parse_tcp_host(spec) is None
    ]
    if not hosts or (not tcp_hosts and not other_hosts):
        return False, (
            "distcc has no hosts (set DISTCC_HOSTS or ~/.distcc/hosts); compiling locally"
        )
    if not tcp_hosts:
        return True, ""  # localhost or ssh hosts only: nothing to probe cheaply

    with ThreadPoolExecutor(max_workers=min(16, len(tcp_hosts))) as pool:
        results = list(pool.map(lambda item: _answers(item[1]), tcp_hosts))
    silent = [spec for (spec, _), ok in zip(tcp_hosts, results) if not ok]
    if len(silent) == len(tcp_hosts) and not other_hosts:
        return False, (
            "no distcc host answers (%s); compiling locally" % ", ".join(silent)
        )
    if silent:
        return True, "distcc host(s) not answering, left to distcc: %s" % ", ".join(
            silent
        )
    return True, ""


def note(text: str) -> None:
    """One line on stderr about the farm (always shown: it changes the build)."""
    sys.stderr.write("Nuitka-Build: note: %s\n" % text)
