"""Limits on a child process that reads untrusted files, so that a nightly run ends.

A PDF can be a decompression bomb (3.6 MB growing to gigabytes) or a fan-out of shared objects,
and a reader can hang. Files are therefore read in child processes (one file at a time each,
with its own time limit), and a child:

- dies with its parent (`PR_SET_PDEATHSIG`): after `kill -9` of the run, no reader lives on
  holding stdout or the log open, so `| tee` and cron see the end;
- has an address-space limit (`RLIMIT_AS`): a bomb gets `MemoryError` (or dies) at the limit,
  which is then reported as the memory limit, with the option that raises it;
- keeps its readers' own messages (pdfminer's `logging` lines, PDFium's and any other C
  library's writes to file descriptor 2) instead of letting them reach the terminal naming no
  file: `captured_messages()` hands them back, to be attached to the file they concern.

Why not a pool such as pebble's `ProcessPool`: it gives per-task time limits, but neither a
parent-death signal nor per-task memory accounting. `pipeline.run` keeps its own workers: a fork
costs a child some 40 ms (page faults on the parent's memory it touches, first uses of caches),
as much as reading a few pages, which over a folder of short papers was a sixth of the run, so a
child reads file after file. One file's heap fragmentation or leaked state is bounded: a child is
replaced after any failure, after a file that left PDFium's last error set, after a few dozen
files and when its memory grows, and a file that
runs out of memory (or crashes) in a child that read other files first is read again by a fresh one.
"""
from __future__ import annotations

import ctypes
import logging
import os
import resource
import signal
import sys
import tempfile

PR_SET_PDEATHSIG = 1
_MB = 1024 * 1024


def physical_memory() -> int:
    """Bytes of RAM, or 0 when the system does not say."""
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return 0


def default_max_memory(jobs: int) -> int:
    """Per-child limit in bytes: a share of RAM for each of `jobs` children, at most 2 GB (a
    genuine committee pack needs a few hundred MB through pdfplumber; more is a bomb), at least
    512 MB."""
    ram = physical_memory() or 4096 * _MB
    return max(512 * _MB, min(2048 * _MB, ram * 3 // 4 // max(1, jobs)))


def parse_size(text: str) -> int:
    """`2G`, `1500M`, `800MB`, `1.5GB` or a number of megabytes, in bytes; ValueError if not."""
    t = text.strip().upper().removesuffix("B")
    scale = {"K": 1024, "M": _MB, "G": 1024 * _MB, "T": 1024 * 1024 * _MB}.get(t[-1:] if t else "", None)
    number = float(t[:-1] if scale else t)
    if not number == number or number in (float("inf"), float("-inf")) or number <= 0:
        raise ValueError(text)
    return int(number * (scale or _MB))


def shown_size(n: int) -> str:
    return f"{n / (1024 * _MB):.1f} GB" if n >= 1024 * _MB else f"{n // _MB} MB"


def die_with_parent() -> None:
    """Ask Linux to kill this process when its parent dies; elsewhere a no-op (the pipe to the
    parent closing then ends the child at its next send)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:  # the parent died before the request was made
        os._exit(1)


def limit_memory(max_bytes: int | None) -> None:
    if not max_bytes:
        return
    try:
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = max_bytes if hard == resource.RLIM_INFINITY else min(max_bytes, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ValueError, OSError):
        pass


class _Collect(logging.Handler):
    def __init__(self, into: list[str]):
        super().__init__(logging.WARNING)
        self.into = into

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.into.append(f"{record.name.split('.')[0]}: {record.getMessage()}")
        except Exception:  # a message that cannot be formatted is not worth failing a file for
            pass


class Capture:
    """In the child: route library log records and file descriptor 2 into this object."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self._tmp = tempfile.TemporaryFile()
        sys.stderr.flush()
        os.dup2(self._tmp.fileno(), 2)
        handler = _Collect(self.lines)
        root = logging.getLogger()
        root.handlers[:] = [handler]
        root.setLevel(logging.WARNING)
        for name in ("pdfminer", "pdfplumber", "pypdfium2", "PIL"):
            lg = logging.getLogger(name)
            lg.handlers[:] = []
            lg.propagate = True

    def reset(self) -> None:
        """Forget what was captured: a worker starts on its next file."""
        self.lines.clear()
        try:
            sys.stderr.flush()
            self._tmp.seek(0)
            self._tmp.truncate()  # (file descriptor 2 shares this file's offset: it writes from the start too)
        except (OSError, ValueError):
            pass

    def messages(self, limit: int = 20) -> list[str]:
        """Distinct messages in order of first appearance, at most `limit` (with a count of the rest)."""
        try:
            sys.stderr.flush()
            self._tmp.seek(0)
            raw = self._tmp.read(64 * 1024).decode("utf-8", "replace")
        except (OSError, ValueError):
            raw = ""
        seen: dict[str, int] = {}
        for line in self.lines + [ln.strip() for ln in raw.splitlines()]:
            if line:
                seen[line[:200]] = seen.get(line[:200], 0) + 1
        out = [m + (f" (x{n})" if n > 1 else "") for m, n in list(seen.items())[:limit]]
        if len(seen) > limit:
            out.append(f"... and {len(seen) - limit} other message(s)")
        return out


def enter_child(max_bytes: int | None) -> Capture:
    """Everything a freshly forked reader child does first."""
    die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    limit_memory(max_bytes)
    return Capture()
