"""The compiled-regex cache: a regex built from kept code is the regex `re.compile` makes, and a
damaged, foreign or unwritable cache file only costs the time it was meant to save."""
from __future__ import annotations

import re

import pytest

from kpi_extract import regexcache
from kpi_extract.library import FLAGS, load_library
from kpi_extract.needles import requirements
from kpi_extract.regexcache import RegexCache

pytestmark = pytest.mark.skipif(not regexcache.TAG, reason="not CPython: every regex is compiled by re")

SOURCES = [
    (r"(?P<value>\d[\d,]*) children (?:were )?subject to (?:a )?child protection plans?", FLAGS),
    (r"(?<![\w-])(?:twenty|thirty)(?:[\s-](?:one|two)\b)? (?P<who>[a-z]+)", re.I),
    (r"^\s*(?:Q[1-4]|Quarter\s?[1-4])\s+(?P<a>\d{2})/(?P<b>\d{2})$", 0),
]


def _through_file(tmp_path, sources):
    """Compile `sources` into a cache saved under tmp_path, then read them back in a fresh cache."""
    first = RegexCache([tmp_path / "regex.json"])
    made = [first.compile(p, f) for p, f in sources]
    first.save()
    second = RegexCache([tmp_path / "regex.json"])
    return made, [second.compile(p, f) for p, f in sources], second


def test_a_regex_from_kept_code_is_the_one_re_compiles(tmp_path):
    made, kept, second = _through_file(tmp_path, SOURCES)
    for (pattern, flags), a, b in zip(SOURCES, made, kept):
        fresh = re.compile(pattern, flags)
        assert a == fresh and b == fresh  # Pattern equality compares pattern, flags and compiled code
        assert b.groupindex == fresh.groupindex and b.groups == fresh.groups
    assert not second.added  # all three came from the file
    m = kept[0].search("At year end 1,109 children were subject to child protection plans.")
    assert m is not None and m.group("value") == "1,109"


def test_what_the_index_reads_out_of_a_regex_is_kept_beside_it(tmp_path):
    rx = re.compile(*SOURCES[0])
    first = RegexCache([tmp_path / "regex.json"])
    first.compile(*SOURCES[0])
    assert first.derived(rx, "requirements", requirements) == requirements(rx)
    first.save()
    second = RegexCache([tmp_path / "regex.json"])
    calls = []
    kept = second.derived(rx, "requirements", lambda r: calls.append(r) or ())
    assert not calls and tuple(map(tuple, kept)) == requirements(rx)


@pytest.mark.parametrize("damage", [
    lambda raw: raw[:-40],  # cut short
    lambda raw: raw.replace(b'"code":[', b'"code":[99999,', 1),  # code that fails the checksum
    lambda raw: b"not a checksum\n" + raw.partition(b"\n")[2],
    lambda raw: b"",
])
def test_a_damaged_file_is_ignored_and_replaced(tmp_path, damage):
    path = tmp_path / "regex.json"
    _through_file(tmp_path, SOURCES)
    path.write_bytes(damage(path.read_bytes()))
    cache = RegexCache([path])
    assert [cache.compile(p, f) for p, f in SOURCES] == [re.compile(p, f) for p, f in SOURCES]
    assert cache.added
    cache.save()
    again = RegexCache([path])
    assert again.compile(*SOURCES[0]) == re.compile(*SOURCES[0]) and not again.added  # the file was mended


def test_code_that_passes_the_checksum_but_not_the_engine_is_compiled_afresh(tmp_path):
    """`_sre.compile` validates the code it is given: bad code raises, it never runs."""
    path = tmp_path / "regex.json"
    cache = RegexCache([path])
    cache.compile(*SOURCES[2])
    key = f"{SOURCES[2][1]}:{SOURCES[2][0]}"
    cache.entries[key]["code"] = [17, 4, 0, 0, 1, 99]  # not a program
    cache.save()
    again = RegexCache([path])
    assert again.compile(*SOURCES[2]) == re.compile(*SOURCES[2])


def test_a_file_of_another_python_is_not_read(tmp_path, monkeypatch):
    path = tmp_path / "regex.json"
    _through_file(tmp_path, SOURCES)
    monkeypatch.setattr(regexcache, "TAG", "cpython-399-0-4")
    cache = RegexCache([path])
    cache.compile(*SOURCES[0])
    assert cache.added  # compiled afresh


def test_an_unwritable_place_falls_back_to_the_next(tmp_path):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    second = tmp_path / "cache" / "regex.json"
    cache = RegexCache([blocked / "regex.json", second])
    cache.compile(*SOURCES[0])
    cache.save()
    assert second.exists()
    nowhere = RegexCache([blocked / "regex.json"])
    nowhere.compile(*SOURCES[0])
    nowhere.save()  # nothing to write to: no error


def test_a_bad_regex_raises_as_re_compile_does(tmp_path):
    with pytest.raises(re.error):
        RegexCache([tmp_path / "regex.json"]).compile(r"(?P<value>\d+", 0)


def test_the_library_loads_the_same_from_kept_code(tmp_path, monkeypatch):
    """The whole bundled library, compiled once into a cache and loaded again from it."""
    fresh = load_library()
    for _ in range(2):
        monkeypatch.setattr(regexcache, "_CACHE", RegexCache([tmp_path / "regex.json"]))
        lib = load_library()
        lib.index()
    assert not regexcache._CACHE.added
    for kid, entry in fresh.kpis.items():
        assert entry.regexes == lib.kpis[kid].regexes
    assert [r.words for r in fresh.index().rules] == [r.words for r in lib.index().rules]
    assert [r.digits for r in fresh.index().rules] == [r.digits for r in lib.index().rules]
