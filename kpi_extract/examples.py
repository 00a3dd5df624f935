"""`patterns test`: every library entry carries examples; each must give exactly its values."""
from __future__ import annotations

from .library import Library
from .pipeline import extract_text


def run_examples(library: Library, only: set[str] | None = None) -> tuple[list[str], int]:
    """(failure lines as `file:line: kpi: ...`, number of examples run)."""
    failures: list[str] = []
    total = 0
    for entry in library.kpis.values():
        if only and entry.id not in only:
            continue
        for ex in entry.examples:
            total += 1
            facts = [f for f in extract_text(ex.text, library) if f.kpi == entry.id]
            got = sorted({float(f.value) for f in facts})
            want = sorted(set(ex.values))
            where = f"{entry.source}:{ex.line}: {entry.id}"
            if got != want:
                failures.append(f"{where}: expected {_show(want)}, got {_show(got)} in {ex.text!r}")
                continue
            if ex.period is not None and facts and not any(f.period == ex.period for f in facts):
                failures.append(f"{where}: expected period {ex.period}, got "
                                f"{', '.join(sorted({f.period or '(none)' for f in facts}))} in {ex.text!r}")
            if ex.subject is not None and facts and not any(f.subject == ex.subject for f in facts):
                failures.append(f"{where}: expected subject {ex.subject!r}, got "
                                f"{', '.join(sorted({repr(f.subject) for f in facts}))} in {ex.text!r}")
    return failures, total


def _show(values: list[float]) -> str:
    return "[" + ", ".join(f"{v:g}" for v in values) + "]" if values else "nothing"
