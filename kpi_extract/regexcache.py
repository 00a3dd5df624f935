"""The pattern library's regexes kept compiled between runs, as Python keeps bytecode.

The bundled library's regexes are long (its shared pieces, such as the number words, are
written out in each), and `re` parses and compiles them afresh in every process: about 0.7 s
before the first file is read, on every run, a warm nightly run over an unchanged folder
included. What `re` makes of a regex (`re._compiler`'s code list, groups and group names) and
what the pattern index reads out of it (`needles.requirements`) depend on nothing but the
regex's text, its flags and the Python that compiled it, so they are kept in one JSON file,
keyed by those, and a later run builds each regex from its code with `_sre.compile` (what
`re.compile` itself ends with) instead of parsing it again.

The file sits in the package's `__pycache__` (beside Python's own bytecode), or, where that is
not writable or Python is told to write no bytecode, in the user's cache folder. It is written atomically, with a SHA-256 of its body
on its first line: a file that fails the check, was made by another Python or cannot be read is
ignored (and replaced), and `_sre.compile` validates the code it is given in any case. Anything
that goes wrong here falls back to `re.compile`, so this can make a run faster, never different.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Any, Callable

try:  # CPython's regex engine and compiler; elsewhere every regex is compiled by `re`
    import _sre
    from re import _compiler, _parser
    TAG = f"{sys.implementation.cache_tag}-{_sre.MAGIC}-{_sre.CODESIZE}"
except (ImportError, AttributeError):  # pragma: no cover - not CPython 3.11+
    _sre = None  # type: ignore[assignment]
    TAG = ""

FORMAT = 1
KEEP = 4000  # entries kept from earlier runs besides this run's (old libraries' regexes age out)


def _places() -> list[Path]:
    """Where the file may be: beside the package's bytecode first, then the user's cache."""
    name = f"regex.{TAG}.json"
    places = [] if sys.dont_write_bytecode else [Path(__file__).resolve().parent / "__pycache__" / name]
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    places.append(Path(base) / "kpi-extract" / name)
    return places


class RegexCache:
    """Compiled regexes by (flags, text), loaded once per process and saved when it grew."""

    def __init__(self, places: list[Path] | None = None):
        self.places = _places() if places is None else places
        self.entries: dict[str, dict] = {}
        self.used: set[str] = set()
        self.added = False
        self.loaded = False

    def _load(self) -> None:
        self.loaded = True
        if not TAG:
            return
        for place in self.places:
            try:
                raw = place.read_bytes()
            except OSError:
                continue
            check, _, body = raw.partition(b"\n")
            if hashlib.sha256(body).hexdigest().encode() != check:
                continue
            try:
                data = json.loads(body)
            except ValueError:
                continue
            if isinstance(data, dict) and data.get("format") == FORMAT and data.get("tag") == TAG \
                    and isinstance(data.get("entries"), dict):
                self.entries = data["entries"]
                return

    def _entry(self, pattern: str, flags: int) -> dict:
        if not self.loaded:
            self._load()
        key = f"{flags}:{pattern}"
        self.used.add(key)
        entry = self.entries.get(key)
        if not isinstance(entry, dict):
            entry = self.entries[key] = {}
        return entry

    def compile(self, pattern: str, flags: int = 0) -> re.Pattern:
        """`re.compile(pattern, flags)`, from the kept code when there is some."""
        if not TAG:
            return re.compile(pattern, flags)
        entry = self._entry(pattern, flags)
        code = entry.get("code")
        if code is not None:
            try:
                return _sre.compile(pattern, entry["flags"], code, entry["groups"], entry["groupindex"],
                                    tuple(entry["indexgroup"]))
            except (KeyError, TypeError, ValueError, RuntimeError, OverflowError):
                pass  # not code this Python can run: compiled afresh below
        tree = _parser.parse(pattern, flags)  # raises re.error as re.compile does
        code = [int(op) for op in _compiler._code(tree, flags)]
        groupindex = dict(tree.state.groupdict)
        indexgroup: list[str | None] = [None] * tree.state.groups
        for name, i in groupindex.items():
            indexgroup[i] = name
        compiled = _sre.compile(pattern, flags | tree.state.flags, code, tree.state.groups - 1, groupindex,
                                tuple(indexgroup))
        entry.update(code=code, flags=flags | tree.state.flags, groups=tree.state.groups - 1,
                     groupindex=groupindex, indexgroup=indexgroup)
        self.added = True
        return compiled

    def derived(self, rx: re.Pattern, name: str, build: Callable[[re.Pattern], Any]) -> Any:
        """`build(rx)`, a value made of JSON's lists, strings and numbers, kept beside `rx`'s code."""
        if not TAG:
            return build(rx)
        entry = self._entry(rx.pattern, rx.flags)
        if name not in entry:
            entry[name] = build(rx)
            self.added = True
        return entry[name]

    def save(self) -> None:
        """Write the file if this process compiled anything new; never fatal."""
        if not (TAG and self.added):
            return
        old = [k for k in self.entries if k not in self.used][-KEEP:]
        kept = {k: self.entries[k] for k in old + sorted(self.used) if self.entries.get(k)}
        body = json.dumps({"format": FORMAT, "tag": TAG, "entries": kept},
                          ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        data = hashlib.sha256(body).hexdigest().encode() + b"\n" + body
        for place in self.places:
            try:
                place.parent.mkdir(parents=True, exist_ok=True)
                fd, tmp = tempfile.mkstemp(dir=place.parent, prefix=".regex-", suffix=".tmp")
                try:
                    os.fchmod(fd, 0o644)  # readable as bytecode is, by every user of the install
                    with os.fdopen(fd, "wb") as f:
                        f.write(data)
                    os.replace(tmp, place)
                except BaseException:
                    os.unlink(tmp)
                    raise
                self.added = False
                return
            except OSError:
                continue


_CACHE = RegexCache()


def compile(pattern: str, flags: int = 0) -> re.Pattern:  # noqa: A001 - re.compile's name, on purpose
    return _CACHE.compile(pattern, flags)


def derived(rx: re.Pattern, name: str, build: Callable[[re.Pattern], Any]) -> Any:
    return _CACHE.derived(rx, name, build)


def save() -> None:
    _CACHE.save()
