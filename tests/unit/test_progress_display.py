"""The progress display (nuitka/utils/progress.py) on made-up streams."""

import io
from types import SimpleNamespace

import nuitka.utils.progress as progress_module
from nuitka.utils.progress import NullProgress, PlainProgress, TerminalProgress, make_progress


class FakeTerminal(io.StringIO):
    def isatty(self):
        return True


def visible(text):
    """What a terminal shows: each \\r returns to the line start, ESC[K erases."""
    lines, line = [], ""
    i = 0
    while i < len(text):
        if text.startswith("\x1b[K", i):
            i += 3
            continue
        char = text[i]
        if char == "\r":
            line = ""
        elif char == "\n":
            lines.append(line)
            line = ""
        else:
            line += char
        i += 1
    return lines + ([line] if line else [])


def test_choice_of_display(monkeypatch):
    monkeypatch.setenv("TERM", "xterm")
    options = SimpleNamespace(quiet=False, show_progress=False, verbose=False)
    assert type(make_progress(options, FakeTerminal())) is TerminalProgress
    assert type(make_progress(options, io.StringIO())) is NullProgress
    options.show_progress = True
    assert type(make_progress(options, io.StringIO())) is PlainProgress
    options.quiet, options.show_progress = True, False
    assert type(make_progress(options, FakeTerminal())) is NullProgress
    monkeypatch.setenv("TERM", "dumb")
    options.quiet = False
    assert type(make_progress(options, FakeTerminal())) is NullProgress


def test_terminal_line_is_redrawn_and_erased(monkeypatch):
    monkeypatch.setattr(progress_module, "TERMINAL_INTERVAL", 0)
    stream = FakeTerminal()
    display = TerminalProgress(stream)
    with display.stage("C code", "modules") as stage:
        stage.update(0, 3, "a")
        stage.update(1, 3, "b")
        display.write("nuitka: warning: something\n")
        stage.update(2, 3, "c" * 500)
    text = stream.getvalue()
    assert "\rnuitka: C code: 1/3 modules (b)\x1b[K" in text
    # The message is on a line of its own, the status line is gone at the end.
    assert visible(text) == ["nuitka: warning: something"]
    # Never wider than the terminal.
    assert all(len(part) < 200 for part in text.split("\r"))


def test_plain_lines_only_occasionally(monkeypatch):
    stream = io.StringIO()
    display = PlainProgress(stream)
    with display.stage("C compile", "C files") as stage:
        for i in range(100):
            stage.update(i + 1, 100, "f%d.c" % i)
    lines = stream.getvalue().splitlines()
    assert len(lines) == 1 and lines[0].startswith("nuitka: C compile: 100 C files in ")
    assert "\r" not in stream.getvalue() and "\x1b" not in stream.getvalue()


def test_null_display_is_silent():
    stream = io.StringIO()
    display = NullProgress(stream)
    with display.stage("x", "y") as stage:
        stage.update(1, 2, "z")
    assert stream.getvalue() == ""
