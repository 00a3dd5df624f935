"""From facts to series: one trustworthy number per KPI, subject and period, with its sources.

The same figure is found in several documents (a report reprinted in several agenda packs), and
different figures for the same KPI and period are a conflict to show, not to hide. The rules:

- **Whose figure.** Figures of different areas (the council or partnership a document is
  about, the facts' `area` column) are different series, never a conflict; so are different
  subjects (a sub-population). An area is known by its ONS code (`area_code`, or the code of
  the gazetteer name in `area`), so "Kent" and "Kent County Council" are one series, named
  `Kent`; an area with no code (a partnership of two councils, a place the gazetteer does not
  know) is known by its name.
- **Alignment.** Periods that are the same moment are one period: an as-at date and the month
  it falls in (a `Mar-17` table column and "at 31 March 2017"), and, for a stock (a KPI whose
  `measure` is `stock`), a financial year and the 31 March that ends it (a count in "Annual
  Report 2017/18" and "at 31 March 2018"). The row is labelled with the most precise of them: the
  as-at date most sources give, else the month, else the financial year. Other kinds (a flow's
  financial year, a quarter, a calendar year) align only with themselves. Facts with no period
  are left out: they cannot be placed in time.
- **The agreed value** trusts evidence, not counts: first a value an analyst accepted or
  corrected (the review ledger, `ledger.py`; the row's `reviewed` says so), then the value read as a table cell or from
  its own sentence (`method` table or regex, dated by its table or sentence) over weaker readings
  (a fuzzy label, a period borrowed from a heading, title or meeting), so that no number of
  repeats of a weak line outvotes a better-sourced figure; then the one the most documents give
  (a reprint in another pack is a second source; saying a figure twice in one report is not);
  then the most confident reading (a table cell before a sentence); then the most mentions; and
  last the value read first (the facts' own order), never merely the smaller. `n_sources` counts
  the facts that give it (every mention), `sources` lists their `document#page`, `conflict` is
  true when another value was found, and `alternatives` lists each other value with its sources:
  `983 (a.pdf#49, a.pdf#50)`.
"""
from __future__ import annotations

import csv
import datetime as _dt
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .areas import gazetteer
from .model import FACT_COLUMNS, OPTIONAL_FACT_COLUMNS
from .values import format_value

SERIES_COLUMNS = ["kpi", "unit", "period", "period_kind", "period_start", "period_end", "value", "n_sources",
                  "sources", "conflict", "alternatives", "subject", "area", "area_code", "reviewed"]


class FactsError(Exception):
    """A facts file that cannot be used; one line saying why."""


KINDS = {"", "financial_year", "as_at", "month", "calendar_year", "academic_year", "quarter", "unknown"}
_KPI_ID = re.compile(r"[a-z][a-z0-9_]*")
_UNNEUTRALISE = re.compile(r"'(?=[=+\-@\t\r])")


def read_facts(path: str | Path) -> pd.DataFrame:
    """A facts CSV or JSON lines file, every column as text, the rows in file order.

    Facts files are edited by hand and come from elsewhere, so every row is checked: a stray
    quote (a row with too few or too many fields, a field running over lines), a KPI id that is
    not one (it would go into the report's HTML), a value that is not a finite number, a page
    that is not a whole number, a date that is not an ISO date. The first problem is a
    FactsError naming the file and line. The `'` that `extract` puts before text a spreadsheet
    would evaluate is taken off again."""
    p = Path(path)
    try:
        if p.suffix.lower() in (".jsonl", ".ndjson"):
            df = pd.read_json(p, lines=True, dtype=False)
            if not isinstance(df, pd.DataFrame):
                raise ValueError("not one JSON object per line")
            df = df.astype(str).replace({"nan": "", "None": "", "NaT": ""})
            first_line = 1
        else:
            df = _read_csv(p, str(path))
            first_line = 2
    except FileNotFoundError as e:
        raise FactsError(f"{path}: no such file") from e
    except FactsError:
        raise
    except Exception as e:  # whatever a parser makes of a file that is not one, it is not a facts file
        detail = (str(e).splitlines() or [type(e).__name__])[0][:80]
        raise FactsError(f"{path}: not a facts CSV or JSON lines file ({detail})") from e
    twice = sorted({str(c) for c in df.columns[df.columns.duplicated()]})
    if twice:  # (which of two "value" columns is the value? pandas would quietly drop one)
        raise FactsError(f"{path}: column(s) {', '.join(twice)} given twice: give a file written by "
                         f"`kpi-extract extract`")
    missing = [c for c in FACT_COLUMNS if c not in df.columns and c not in OPTIONAL_FACT_COLUMNS]
    if missing:
        raise FactsError(f"{path}: missing column(s) {', '.join(missing)}: give a file written by "
                         f"`kpi-extract extract`")
    for column in sorted(OPTIONAL_FACT_COLUMNS - set(df.columns)):
        df[column] = ""
    df = df.fillna("")
    for n, r in enumerate(df.to_dict("records")):
        problem = _row_problem(r)
        if problem:
            raise FactsError(f"{path}:{n + first_line}: {problem}: give a file written by `kpi-extract extract`")
    return df


def _read_csv(p: Path, shown: str) -> pd.DataFrame:
    with p.open(newline="", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f, strict=True))
    if not rows:
        raise FactsError(f"{shown}: empty file: give a file written by `kpi-extract extract`")
    header, body = rows[0], rows[1:]
    line = 2
    for row in body:
        if len(row) != len(header) and row:
            raise FactsError(f"{shown}:{line}: {len(row)} fields where the header has {len(header)} (a stray quote "
                             f"or comma?): fix the row")
        if any("\n" in cell for cell in row):
            raise FactsError(f"{shown}:{line}: a quoted field runs over several lines (a stray quote?): fix the row")
        line += 1
    body = [[_UNNEUTRALISE.sub("", c, count=1) if c.startswith("'") else c for c in row] for row in body if row]
    return pd.DataFrame(body, columns=header, dtype=str)


def _row_problem(r: dict) -> str:
    kpi = str(r.get("kpi", ""))
    if not _KPI_ID.fullmatch(kpi):
        return f"kpi {kpi[:40]!r} is not a KPI id (lower_snake_case)"
    value = str(r.get("value", ""))
    try:
        number = float(value)
    except ValueError:
        return f"value {value[:40]!r} is not a number"
    if not math.isfinite(number):
        return f"value {value[:40]!r} is not a finite number"
    page = str(r.get("page", ""))
    if page and not (page.isdigit() and len(page) < 9):
        return f"page {page[:40]!r} is not a page number"
    for column in ("period_start", "period_end"):
        day = str(r.get(column, ""))
        if day:
            try:
                _dt.date.fromisoformat(day)
            except ValueError:
                return f"{column} {day[:40]!r} is not a date (YYYY-MM-DD)"
            if len(day) != 10 or not 1900 <= int(day[:4]) <= 2100:
                return f"{column} {day[:40]!r} is not a date (YYYY-MM-DD) from 1900 to 2100"
    if str(r.get("period_kind", "")) not in KINDS:
        return f"period_kind {str(r.get('period_kind'))[:40]!r} is not one of {', '.join(sorted(KINDS - {''}))}"
    confidence = str(r.get("confidence", ""))
    if confidence:
        try:
            if not 0 <= float(confidence) <= 1:
                raise ValueError
        except ValueError:
            return f"confidence {confidence[:40]!r} is not a number from 0 to 1"
    return ""


@dataclass(frozen=True)
class _Fact:
    kpi: str
    area: str  # the area's code when it has one (so "Kent" and "Kent County Council" are one), else its name
    subject: str
    unit: str
    value: str
    period: str
    kind: str
    start: str
    end: str
    source: str
    confidence: float
    position: int  # row of the facts table
    strong: bool = False  # read as a table cell or from its own sentence, and dated there
    reviewed: str = ""  # an analyst's decision applies (ledger.py): accepted or corrected


# readings whose figure and period came from the figure's own table cell or sentence
_STRONG_METHODS = {"table", "regex"}
_STRONG_SOURCES = {"table", "sentence"}


def _bucket(f: _Fact, measure: str) -> tuple[str, str]:
    if f.kind in ("as_at", "month") and f.end:
        return ("M", f.end[:7])
    if f.kind == "financial_year" and measure == "stock" and f.end:
        return ("M", f.end[:7])
    return (f.kind, f.period)


def _label(members: list[_Fact]) -> tuple[str, str, str, str]:
    """(period, kind, start, end) for an aligned group: the most precise label its facts give."""
    as_at = Counter(m.period for m in members if m.kind == "as_at")
    if as_at:
        day = max(as_at, key=lambda d: (as_at[d], d))
        return day, "as_at", day, day
    for kind in ("month", "financial_year", "quarter", "calendar_year", "academic_year"):
        same = sorted((m for m in members if m.kind == kind), key=lambda m: m.period)
        if same:
            return same[0].period, kind, same[0].start, same[0].end
    m = members[0]
    return m.period, m.kind, m.start, m.end


def plain_number(value: str) -> str:
    try:
        return format_value(float(value))
    except ValueError:
        return value


def build_series(facts: pd.DataFrame, measures: dict[str, str] | None = None,
                 kpis: set[str] | None = None) -> pd.DataFrame:
    """Series rows (SERIES_COLUMNS) from facts; `measures` maps KPI ids to their measure."""
    return series_with_members(facts, measures, kpis)[0]


def series_with_members(facts: pd.DataFrame, measures: dict[str, str] | None = None,
                        kpis: set[str] | None = None) -> tuple[pd.DataFrame, dict[int, tuple[int, bool]]]:
    """The series, and for each fact (by its position in `facts`) the series row it is behind
    and whether it gives that row's agreed value. Facts without a period are in neither."""
    measures = measures or {}
    groups: dict[tuple, list[_Fact]] = defaultdict(list)
    for pos, r in enumerate(facts.to_dict("records")):
        if kpis and r["kpi"] not in kpis:
            continue
        if not r["period"] or r["period_kind"] in ("", "unknown"):
            continue
        try:
            confidence = float(r.get("confidence") or 0)
        except ValueError:
            confidence = 0.0
        strong = str(r.get("method", "")).split("+")[0] in _STRONG_METHODS and \
            str(r.get("period_source", "")) in _STRONG_SOURCES
        f = _Fact(r["kpi"], _area_key(r), r.get("subject", ""), r["unit"], plain_number(r["value"]), r["period"],
                  r["period_kind"], r["period_start"], r["period_end"], f"{r['document']}#{r['page']}", confidence, pos,
                  strong, str(r.get("reviewed", "")))
        groups[(f.kpi, f.area, f.subject, f.unit, _bucket(f, measures.get(f.kpi, "")))].append(f)

    rows = []
    agreed_of: list[tuple[list[_Fact], str]] = []
    for (kpi, area, subject, unit, _), members in groups.items():
        by_value: dict[str, list[_Fact]] = defaultdict(list)
        for m in members:
            by_value[m.value].append(m)
        ranked = sorted(by_value, key=lambda v: _evidence(by_value[v]))
        agreed, others = ranked[0], ranked[1:]
        period, kind, start, end = _label(members)
        rows.append({
            "kpi": kpi, "unit": unit, "period": period, "period_kind": kind, "period_start": start,
            "period_end": end, "value": agreed, "n_sources": len(by_value[agreed]),
            "sources": ";".join(sorted(m.source for m in by_value[agreed])),
            "conflict": "true" if others else "false",
            "alternatives": "; ".join(f"{v} ({', '.join(sorted(m.source for m in by_value[v]))})" for v in others),
            "subject": subject, **_area_columns(area, members),
            "reviewed": _reviewed(by_value[agreed]),
        })
        agreed_of.append((members, agreed))
    order = sorted(range(len(rows)), key=lambda i: (rows[i]["kpi"], rows[i]["area"], rows[i]["subject"],
                                                     rows[i]["period_start"], rows[i]["period_end"], rows[i]["period"]))
    members_of: dict[int, tuple[int, bool]] = {}
    for new, old in enumerate(order):
        members, agreed = agreed_of[old]
        for m in members:
            members_of[m.position] = (new, m.value == agreed)
    return pd.DataFrame([rows[i] for i in order], columns=SERIES_COLUMNS), members_of


def _area_key(r: dict) -> str:
    """What a fact's area is for grouping: its ONS code, given or found for its name (an exact
    gazetteer name only: a facts file edited by hand says "Kent County Council"), else its name."""
    code = str(r.get("area_code") or "").strip()
    name = str(r.get("area") or "").strip()
    if not code and name:
        found = gazetteer().lookup(name)
        code = found.code if found is not None else ""
    return f"code:{code}" if code else name


def _area_columns(area_key: str, members: list[_Fact]) -> dict[str, str]:
    """`area` and `area_code` of a series row: the gazetteer's common name for a code."""
    if area_key.startswith("code:"):
        code = area_key[5:]
        found = gazetteer().get(code)
        return {"area": found.name if found is not None else "", "area_code": code}
    return {"area": area_key, "area_code": ""}


def _reviewed(facts: list[_Fact]) -> str:
    marks = {m.reviewed for m in facts}
    return "corrected" if "corrected" in marks else "accepted" if "accepted" in marks else ""


def _evidence(facts: list[_Fact]) -> tuple:
    """How well a value is supported, best first (see the module's docstring)."""
    return (not any(m.reviewed for m in facts), not any(m.strong for m in facts), -len({m.source.rsplit("#", 1)[0] for m in facts}),
            -max(m.confidence for m in facts), -len(facts), min(m.position for m in facts))


def _is_number(v: str) -> bool:
    try:
        float(v)
        return True
    except ValueError:
        return False


def wide(series: pd.DataFrame) -> pd.DataFrame:
    """One row per period, one column per KPI (`kpi [subject]` for a sub-population).

    Rows of different KPIs for the same moment share a row: an as-at date and a month are the
    month's row, labelled with the date when every KPI gives the same one, else the month.
    """
    if series.empty:
        return pd.DataFrame(columns=["period", "period_kind", "period_start", "period_end"])
    s = series.copy()
    areas = s["area"].nunique() > 1
    s["column"] = [k + (f" [{sub}]" if sub else "") + (f" ({area or 'area unknown'})" if areas else "")
                   for k, sub, area in zip(s["kpi"], s["subject"], s["area"])]
    s["number"] = pd.to_numeric(s["value"], errors="coerce")
    moment = s["period_kind"].isin(["as_at", "month"])
    s["bucket"] = s["period"].where(~moment, s["period_end"].str[:7])
    for bucket, rows in s[moment].groupby("bucket"):
        labels = set(rows["period"])
        if len(labels) > 1 or rows["period_kind"].iloc[0] == "month":
            month = rows["period_end"].iloc[0]
            s.loc[rows.index, ["period", "period_kind", "period_start", "period_end"]] = \
                [bucket, "month", f"{bucket}-01", month]
    table = s.pivot_table(index=["period_start", "period_end", "period", "period_kind"], columns="column",
                          values="number", aggfunc="first")
    table = table.reset_index().sort_values(["period_start", "period_end", "period"], kind="stable")
    table.columns.name = None
    return table[["period", "period_kind", "period_start", "period_end"] +
                 sorted(c for c in table.columns if c not in ("period", "period_kind", "period_start", "period_end"))]
