"""Shared test helpers: the bundled library, and paths to the fixtures and the shared corpus."""
from __future__ import annotations

from pathlib import Path

import pytest

from kpi_extract.library import load_library, require

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
ROBUSTNESS = SHARED / "robustness"


@pytest.fixture(scope="session")
def library():
    return require(load_library())


def facts_of(text: str, library, kpi: str | None = None) -> list[tuple]:
    """(kpi, value, period, subject) of every fact found in `text`, for compact assertions."""
    from kpi_extract.pipeline import extract_text
    return [(f.kpi, f.value, f.period, f.subject) for f in extract_text(text, library)
            if kpi is None or f.kpi == kpi]
