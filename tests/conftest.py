"""Shared test helpers: the bundled library, and paths to the fixtures and the shared corpus."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

from kpi_extract.library import load_library, require

# a test never asserts a time: hypothesis's per-example deadline (200 ms) failed a property test of the
# fuzzy windows once on a loaded machine ("Unreliable test timings", 582 ms, then 0.03 ms)
settings.register_profile("no-deadline", deadline=None)
settings.load_profile("no-deadline")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
ROBUSTNESS = SHARED / "robustness"


from spec import SPEC_KPIS  # noqa: E402,F401  (the spec's KPI ids, shared with the scoring scripts)

# a text table as pdfplumber prints it: the label of a row wraps onto the next line
TABLE = """Mar-15 Mar-16 Mar-17
No of Children on Child 268 301 322
Protection Plans
Rate per 10k 39.8 44.3 47.1
No of Children on Child in Not provided 1,846 1,912
Need Plans
Rate per 10k Not provided 271.9 279.9"""


@pytest.fixture(scope="session")
def library():
    return require(load_library())


def facts_of(text: str, library, kpi: str | None = None) -> list[tuple]:
    """(kpi, value, period, subject) of every fact found in `text`, for compact assertions."""
    from kpi_extract.pipeline import extract_text
    return [(f.kpi, f.value, f.period, f.subject) for f in extract_text(text, library)
            if kpi is None or f.kpi == kpi]
