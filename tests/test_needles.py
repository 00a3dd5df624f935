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


def test_a_rule_without_its_number_words_reads_a_sentence_without_any_alike(library):
    """The variant tried on sentences that hold no number word finds exactly what the whole
    regex finds there (and the whole one is kept for "thirty three actions")."""
    texts = ["At 31 March 2023 there were 1,109 children subject to a child protection plan.",
             "The plan sets out 42 actions across five priorities.", "Referrals in 2022-23 were 4,920.",
             "In 2022/23 the partnership ran 146 multi-agency training courses for 3,118 delegates."]
    rules = [r for r in library.index().rules if r.digits is not None]
    assert rules
    for text in texts:
        has_words = any(w in text.lower().split() for w in ("five", "three", "thirty"))
        for r in rules:
            assert [m.span() for m in r.for_sentence(has_words).finditer(text)] == [m.span() for m in r.rx.finditer(text)]
    assert any(r.rx.search("The plan has thirty three actions.") for r in rules)


def test_a_guarded_module_regex_finds_what_the_regex_finds():
    """`Guarded` skips a line only when the regex could not match it (the words it needs)."""
    from kpi_extract.context import _DATELINE, _STANDING
    lines = ["Figures in this report are at 31 December 2022", "DATA ARE AS AT 30 SEPTEMBER 2022",
             "Report to Cabinet, 14 October 2021", "Presented to the Executive, November 2022",
             "There were 1,109 children on plans at 31 March 2023.", "Unless otherwise stated, figures are for 2022/23",
             "Snapshot at 31 March", "The board met on 4 May 2022", ""]
    for guarded in (_STANDING, _DATELINE):
        assert guarded.words  # the guard has words to look for, or it guards nothing
        for line in lines:
            assert bool(guarded.search(line)) == bool(guarded.rx.search(line)), line
