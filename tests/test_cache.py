"""The cache: an unchanged file is neither read nor matched again, a changed library re-matches
without re-reading, and a damaged cache is ignored, never trusted and never fatal."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kpi_extract import pipeline
from kpi_extract.cache import TextCache
from kpi_extract.library import bundled_files, load_library, require
from kpi_extract.pipeline import discover, run

from conftest import FIXTURES

MINUTES = "Improvement Board 5 March 2019 - minutes.txt"
PACK = "Children and Families Scrutiny Committee 20 September 2017 - reports pack.pdf"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    f = tmp_path / "papers"
    f.mkdir()
    shutil.copy(FIXTURES / MINUTES, f / "minutes.txt")
    shutil.copy(FIXTURES / PACK, f / "pack.pdf")
    return f


def _run(folder: Path, cache_dir: Path, library, kpis=None):
    files, problems = discover([str(folder)])
    assert not problems
    return run(files, library, kpis=kpis, cache=TextCache(cache_dir), jobs=1)


def _forbid(monkeypatch, name: str) -> None:
    """Make `pipeline.<name>` fail in the children (they are forked with the patch)."""
    def refuse(*args, **kwargs):
        raise RuntimeError(f"{name} was called")
    monkeypatch.setattr(pipeline, name, refuse)


def _edited_library(tmp_path: Path):
    """The bundled library with one alias added to its first KPI, as a user's file of the same name."""
    source = bundled_files()[0]
    text = source.read_text(encoding="utf-8")
    at = text.index("aliases = [") + len("aliases = [")
    edited = tmp_path / "edit" / source.name
    edited.parent.mkdir()
    edited.write_text(text[:at] + '"an alias no paper uses", ' + text[at:], encoding="utf-8")
    return require(load_library([str(edited)]))


def test_unchanged_files_are_neither_read_nor_matched(folder, tmp_path, library, monkeypatch):
    first = _run(folder, tmp_path / "cache", library)
    assert all(not r.error and not r.cached for r in first) and sum(len(r.facts) for r in first) > 10
    _forbid(monkeypatch, "read_pages")
    _forbid(monkeypatch, "extract_pages")
    second = _run(folder, tmp_path / "cache", library)
    assert [r.error for r in second] == ["", ""] and all(r.cached for r in second)
    assert [r.facts for r in second] == [r.facts for r in first]
    assert [(r.pages, r.warnings) for r in second] == [(r.pages, r.warnings) for r in first]


def test_a_library_edit_rematches_without_rereading(folder, tmp_path, library, monkeypatch):
    first = _run(folder, tmp_path / "cache", library)
    edited = _edited_library(tmp_path)
    assert edited.digest != library.digest
    _forbid(monkeypatch, "read_pages")
    matched = tmp_path / "matched"
    matched.mkdir()
    real = pipeline.extract_pages

    def spy(raw_pages, shown, *args, **kwargs):
        (matched / Path(shown).name).touch()
        return real(raw_pages, shown, *args, **kwargs)
    monkeypatch.setattr(pipeline, "extract_pages", spy)
    second = _run(folder, tmp_path / "cache", edited)
    assert [r.error for r in second] == ["", ""]
    assert sorted(p.name for p in matched.iterdir()) == ["minutes.txt", "pack.pdf"]
    assert [r.facts for r in second] == [r.facts for r in first]


def test_the_kpi_filter_and_the_shown_name_are_part_of_the_facts_key(folder, tmp_path, library, monkeypatch):
    _run(folder, tmp_path / "cache", library)
    _forbid(monkeypatch, "read_pages")
    only = _run(folder, tmp_path / "cache", library, kpis={"cp_plans"})
    assert [r.error for r in only] == ["", ""] and {f.kpi for r in only for f in r.facts} == {"cp_plans"}
    (folder / "pack.pdf").rename(folder / "renamed.pdf")
    renamed = _run(folder, tmp_path / "cache", library)
    assert [r.error for r in renamed] == ["", ""]
    assert {f.document for r in renamed for f in r.facts} == {"minutes.txt", "renamed.pdf"}


def test_damaged_entries_are_ignored_and_replaced(folder, tmp_path, library):
    cache = tmp_path / "cache"
    first = _run(folder, cache, library)
    entries = sorted(p for p in cache.rglob("*.json"))
    assert {p.parent.name for p in entries} == {"documents", "facts"} and len(entries) == 4
    for i, p in enumerate(entries):
        data = json.loads(p.read_text(encoding="utf-8"))
        if i % 2 and p.parent.name == "facts":  # right format, wrong shape
            data["facts"][0].pop("kpi")
            p.write_text(json.dumps(data), encoding="utf-8")
        elif i % 2:
            data["document"]["pages"] = [1, 2]
            p.write_text(json.dumps(data), encoding="utf-8")
        else:
            p.write_bytes(b"\x00not json")
    second = _run(folder, cache, library)
    assert [r.error for r in second] == ["", ""] and not any(r.cached for r in second)
    assert [r.facts for r in second] == [r.facts for r in first]
    third = _run(folder, cache, library)  # the damaged entries were rewritten
    assert all(r.cached for r in third) and [r.facts for r in third] == [r.facts for r in first]


def test_the_document_cache_keeps_page_models(tmp_path):
    from kpi_extract.readers import RawDocument, reader_for
    f = tmp_path / "a.txt"
    f.write_text("x")
    raw = RawDocument(["one", "two"], ["a warning"], [{"runs": [[1.5, 2.0, "x"]]}, None])
    cache = TextCache(tmp_path / "cache")
    cache.put(f, reader_for(f), raw)
    got = cache.get(f, reader_for(f))
    assert got is not None and got.to_json() == raw.to_json()


EXTRACTION_MODULES = ["kpi_extract.context", "kpi_extract.layout", "kpi_extract.matchers", "kpi_extract.resolve",
                      "kpi_extract.roles", "kpi_extract.dating"]


def test_a_run_of_unchanged_files_does_not_load_the_extraction_modules(folder, tmp_path):
    """A nightly run over an unchanged folder takes every fact from the cache, so it should not pay
    for compiling the extraction rules' hundreds of regular expressions at import."""
    import subprocess
    import sys
    probe = ("import sys\nfrom kpi_extract.cli import main\n"
             "try:\n    main(sys.argv[1:], standalone_mode=False)\nfinally:\n"
             f"    print(sorted(m for m in {EXTRACTION_MODULES!r} if m in sys.modules), file=sys.stderr)\n")
    args = ["extract", str(folder), "-q", "-o", str(tmp_path / "out.csv"), "--cache-dir", str(tmp_path / "cache")]
    first = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    second = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True)
    assert second.returncode == 0, second.stderr
    assert second.stderr.strip().splitlines()[-1] == "[]"
