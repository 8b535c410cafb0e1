"""Progress of the long stages (modules analysed and generated, C files
compiled, files copied into a standalone folder).

:func:`make_progress` picks the display from the options and the stream:

* ``--quiet``: nothing;
* stderr is a terminal (and ``TERM`` is not ``dumb``): one status line,
  redrawn in place (``\\r`` and erase-to-end-of-line), at most ten times a
  second, cut to the terminal width, and erased when the stage ends, so it
  leaves nothing behind;
* otherwise, with ``--show-progress`` or ``--verbose``: plain lines, one
  every few seconds while a stage runs and one when it ends; without them
  nothing (the output of scripts and CI logs stays as it was).

Other messages (``session.log``/``warn``) go through :meth:`write`, which
erases the status line first and redraws it after, so lines never mix.
"""

import os
import shutil
import sys
import time

#: Seconds between two redraws of the status line / two plain lines.
TERMINAL_INTERVAL = 0.1
PLAIN_INTERVAL = 5.0


class _Stage:
    def __init__(self, display, name, unit):
        self.display = display
        self.name = name
        self.unit = unit
        self.done = 0
        self.total = None
        self.item = ""
        self.started = time.monotonic()

    def update(self, done=None, total=None, item=""):
        """``done`` of ``total`` (None: unknown / unchanged) ``unit``s,
        ``item`` the one being worked on; ``done=None`` adds one."""
        self.done = self.done + 1 if done is None else done
        if total is not None:
            self.total = total
        self.item = item
        self.display.updated(self)

    def text(self):
        count = "%d/%d" % (self.done, self.total) if self.total else "%d" % self.done
        text = "nuitka: %s: %s %s" % (self.name, count, self.unit)
        return text + (" (%s)" % self.item if self.item else "")

    def __enter__(self):
        self.display.current = self
        return self

    def __exit__(self, *exc_info):
        self.display.finished(self, exc_info[0] is None)
        self.display.current = None
        return False


class NullProgress:
    """No progress shown; :meth:`write` still writes messages."""

    def __init__(self, stream=None):
        self._stream = stream
        self.current = None

    @property
    def stream(self):
        return self._stream or sys.stderr

    def stage(self, name, unit=""):
        return _Stage(self, name, unit)

    def updated(self, stage):
        pass

    def finished(self, stage, ok):
        pass

    def write(self, text):
        self.stream.write(text)
        self.stream.flush()


class PlainProgress(NullProgress):
    """Occasional plain lines (logs, pipes)."""

    def __init__(self, stream=None):
        super().__init__(stream)
        self._last = 0.0

    def updated(self, stage):
        now = time.monotonic()
        if now - self._last >= PLAIN_INTERVAL and now - stage.started >= PLAIN_INTERVAL:
            self._last = now
            self.write(stage.text() + "\n")

    def finished(self, stage, ok):
        if ok and stage.done:
            self.write("nuitka: %s: %d %s in %.1f s\n"
                       % (stage.name, stage.done, stage.unit, time.monotonic() - stage.started))


class TerminalProgress(NullProgress):
    """One status line redrawn in place."""

    def __init__(self, stream=None):
        super().__init__(stream)
        self._last = 0.0
        self._shown = ""

    def _width(self):
        try:
            columns = os.get_terminal_size(self.stream.fileno()).columns
        except (OSError, ValueError, AttributeError):
            columns = 0
        # (A terminal without a size, e.g. a fresh pty, says 0.)
        return columns if columns > 0 else shutil.get_terminal_size().columns

    def _draw(self, text):
        width = max(20, self._width() - 1)
        if len(text) > width:
            text = text[:width - 3] + "..."
        self.stream.write("\r" + text + "\x1b[K")
        self.stream.flush()
        self._shown = text

    def _erase(self):
        if self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._shown = ""

    def updated(self, stage):
        now = time.monotonic()
        if now - self._last >= TERMINAL_INTERVAL:
            self._last = now
            self._draw(stage.text())

    def finished(self, stage, ok):
        self._erase()

    def write(self, text):
        shown = self._shown
        self._erase()
        self.stream.write(text)
        self.stream.flush()
        if shown and self.current is not None:
            self._draw(shown)


def is_terminal(stream):
    try:
        return stream.isatty() and os.environ.get("TERM", "") != "dumb"
    except (AttributeError, ValueError):
        return False


def make_progress(options, stream=None):
    """The display for ``options`` (``quiet``, ``show_progress``,
    ``verbose``) on ``stream`` (default: stderr)."""
    stream = stream or sys.stderr
    if getattr(options, "quiet", False):
        return NullProgress(stream)
    if is_terminal(stream):
        return TerminalProgress(stream)
    if getattr(options, "show_progress", False) or getattr(options, "verbose", False):
        return PlainProgress(stream)
    return NullProgress(stream)
