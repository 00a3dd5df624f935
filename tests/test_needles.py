"""The pattern index skips a regex only when it could not have matched, and skips most of them."""
from __future__ import annotations

import csv
import re
from pathlib import Path

from kpi_extract.layout import layout_page
from kpi_extract.needles import requirements
from kpi_extract.normalise import normalise_pages

DATA = Path(__file__).parent / "data"


def test_requirements_are_every_literal_a_match_needs():
    rx = re.compile(r"(?P<value>\d+) children (?:in|on) (?:a )?child protection plans?", re.I)
    assert requirements(rx) == (("child protection plan",), ("children",))
    assert requirements(re.compile(r"(?:delegates|attendees) (?P<value>\d+)", re.I)) == (("attendees", "delegates"),)
    assert requirements(re.compile(r"(?:delegates|at) (?P<value>\d+)", re.I)) == ()  # "at" is too short to need
    assert requirements(re.compile(r"(?P<value>\d+)(?: delegates)?", re.I)) == ()  # optional: not needed


def _texts(library) -> list[str]:
    texts = [e.text for k in library.kpis.values() for e in k.examples]
    with (DATA / "phrasings.csv").open(newline="", encoding="utf-8") as f:
        texts += sorted({r["text"] for r in csv.DictReader(f)})
    for doc in sorted((DATA / "documents").glob("*.txt")):
        for n, page in enumerate(normalise_pages(doc.read_text(encoding="utf-8").split("\f")), start=1):
            texts += [s.text for s in layout_page(n, page).sentences]
    return texts


def test_the_index_never_skips_a_pattern_that_matches(library):
    index = library.index()
    texts = _texts(library)
    assert len(texts) > 800
    tried = 0
    for text in texts:
        low = text.lower()
        applicable = set(index.applicable(low, index.page_words([low])))
        tried += len(applicable)
        for i, rule in enumerate(index.rules):
            if i not in applicable:
                assert rule.rx.search(text) is None, (rule.kpi, rule.name, text)
    # and it earns its place: most patterns are skipped for most sentences
    assert tried < 0.08 * len(texts) * len(index.rules)


def test_a_page_scan_finds_the_words_of_each_of_its_sentences(library):
    index = library.index()
    sentences = ["There were 412 children on a child protection plan.", "Training was delivered to 300 delegates."]
    words = index.page_words([s.lower() for s in sentences])
    for s in sentences:
        assert index.applicable(s.lower(), words) == index.applicable(s.lower(), tuple(index.by_word))
