"""The review ledger: an analyst's decisions on facts, kept in one SQLite file, applied on every run.

An extractor is sometimes wrong, and a figure fixed by hand in a spreadsheet comes back with the
next nightly run. So decisions are stored apart from the facts, keyed by the fact's stable
`fact_id` (ids.py), and applied wherever figures are used (`series`, `report`,
`extract --series`): a rejected fact never comes back, a correction replaces the reading and is
marked `corrected`, an accepted fact is marked `accepted`.

Decisions are appended, never updated or deleted: the latest decision on a fact applies, and the
file is the history of who decided what, when and why. Each decision is committed as it is made,
so a crash loses none. A decision whose fact is no longer in the facts (its page changed, or the
document left the folder) is an orphan; orphans are listed, never dropped silently. Each row
keeps a copy of the fact it was made on, so an orphan can still be shown for what it was.

stdlib `sqlite3` only: the file opens in any SQLite tool.
"""
from __future__ import annotations

import datetime as _dt
import getpass
import json
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Iterable

import pandas as pd

from .model import Period
from .periods import academic_year, as_at, calendar_year, financial_year, month, parse_period, quarter
from .values import format_value

ACTIONS = ("accept", "reject", "correct")
CORRECTABLE = ("value", "period", "kpi", "subject", "area")
MARKS = {"accept": "accepted", "correct": "corrected"}
SUFFIX = ".ledger.sqlite"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS decisions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    fact_id TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('accept', 'reject', 'correct')),
    value TEXT, period TEXT, kpi TEXT, subject TEXT, area TEXT,
    who TEXT NOT NULL,
    at TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    fact TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX IF NOT EXISTS decisions_fact ON decisions (fact_id, id);
"""


class LedgerError(Exception):
    """A ledger that cannot be used, or a decision that cannot be recorded; one line saying why."""


@dataclass(frozen=True)
class Decision:
    id: int
    fact_id: str
    action: str
    who: str
    at: str  # UTC, ISO 8601 to the second
    note: str = ""
    value: str | None = None  # a correction's new readings; None: unchanged
    period: str | None = None
    kpi: str | None = None
    subject: str | None = None
    area: str | None = None
    fact: dict | None = None  # the fact as it was when decided

    @property
    def changes(self) -> dict[str, str]:
        return {k: getattr(self, k) for k in CORRECTABLE if getattr(self, k) is not None}

    def describe(self) -> str:
        """One line: what was decided on which figure, by whom and when."""
        f = self.fact or {}
        what = self.action + (" (" + ", ".join(f"{k} {v}" for k, v in self.changes.items()) + ")"
                              if self.changes else "")
        was = f"{f.get('kpi', '?')} {f.get('value', '?')} {f.get('period', '')}".rstrip()
        where = f"{f.get('document', '?')}#{f.get('page', '?')}"
        return f"{self.fact_id}: {what} by {self.who} at {self.at} on {was} ({where})" + \
            (f": {self.note}" if self.note else "")


def default_path(facts: str | Path) -> Path:
    """The ledger beside a facts file: `kpis.csv` -> `kpis.ledger.sqlite`."""
    p = Path(facts)
    return p.with_name(p.stem + SUFFIX) if p.suffix else p.with_name(p.name + SUFFIX)


def reviewer() -> str:
    """Who is deciding: $KPI_EXTRACT_REVIEWER, else the login name."""
    for name in ("KPI_EXTRACT_REVIEWER", "USER", "LOGNAME"):
        if os.environ.get(name):
            return os.environ[name]
    try:
        return getpass.getuser()
    except Exception:  # no login name at all (a container without a passwd entry)
        return "unknown"


def utc_now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


_KINDS = {"as_at": as_at, "month": month, "quarter": quarter, "financial_year": financial_year,
          "academic_year": academic_year, "calendar_year": calendar_year}


def _from_label(label: str, kind: str | None) -> Period | None:
    """The period a label as the facts write it names; `kind` settles `2011-12` (a financial
    year, or December 2011)."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-Q([1-4]))?", label)
    if not m:
        return None
    year = int(m[1])
    if m[3]:
        found = as_at(date(year, int(m[2]), int(m[3])))
    elif m[4]:
        found = quarter(year, int(m[4]))
    elif m[2]:
        two = int(m[2])
        spans = (year + 1) % 100 == two
        if kind == "month" or (kind is None and not spans):
            found = month(year, two)
        elif not spans:
            return None
        else:
            found = academic_year(year) if kind == "academic_year" else financial_year(year)
    else:
        found = calendar_year(year)
    return found if kind in (None, found.kind) else None


def period_from_label(text: str) -> Period:
    """The period a correction names: a label as the facts write it (`2017-03-31`, `2017-03`,
    `2018-Q1`, `2016-17`, `2019`), with its kind after it where the label alone is ambiguous
    (`2019-20 academic_year`, `2011-12 month`), or words (`31 March 2017`, `2016/17`).
    LedgerError when it names none."""
    text = " ".join(text.split())
    label, _, kind = text.partition(" ")
    try:
        found = _from_label(label, kind or None) if not kind or kind in _KINDS else None
    except ValueError as e:
        raise LedgerError(f"period {text!r} is not a date: {e}") from e
    if found is None:
        found = parse_period(text)
    if not found.known:
        raise LedgerError(f"period {text!r} names no period: give e.g. 2017-03-31, 2017-03, 2018-Q1, 2016-17, "
                          f"2019-20 academic_year")
    return found


def period_text(p: Period) -> str:
    """How a correction's period is stored: the label, with its kind when the label alone would
    be read as another period."""
    return p.label if _from_label(p.label, None) == p else f"{p.label} {p.kind}"


def _checked_changes(changes: dict[str, str | None]) -> dict[str, str]:
    out: dict[str, str] = {}
    for k, v in changes.items():
        if k not in CORRECTABLE:
            raise LedgerError(f"{k} cannot be corrected: only {', '.join(CORRECTABLE)}")
        if v is None:
            continue
        v = str(v).strip()
        if k == "value":
            try:
                number = float(v.replace(",", "").lstrip("£").rstrip("%"))
            except ValueError:
                raise LedgerError(f"value {v!r} is not a number") from None
            if number != number or number in (float("inf"), float("-inf")):
                raise LedgerError(f"value {v!r} is not a finite number")
            v = format_value(number)
        elif k == "period":
            v = period_text(period_from_label(v))
        elif k == "kpi" and not re.fullmatch(r"[a-z][a-z0-9_]*", v):
            raise LedgerError(f"kpi {v!r} is not a KPI id (lower_snake_case)")
        out[k] = v
    return out


class Ledger:
    """One ledger file. Opened per use: every decision is committed at once."""

    def __init__(self, path: str | Path, create: bool = True):
        self.path = Path(path)
        if not create and not self.path.is_file():
            raise LedgerError(f"{path}: no such ledger: give the file `kpi-extract review` wrote")
        try:
            # one connection, used by the review server's threads in turn (Queue.lock)
            self.db = sqlite3.connect(str(self.path), timeout=10, isolation_level=None, check_same_thread=False)
            self.db.executescript(_SCHEMA)
        except sqlite3.DatabaseError as e:
            raise LedgerError(f"{path}: not a review ledger ({e}): give the file `kpi-extract review` wrote") from e

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Ledger":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def record(self, fact_id: str, action: str, *, who: str | None = None, note: str = "",
               changes: dict[str, str | None] | None = None, fact: dict | None = None,
               at: str | None = None) -> Decision:
        """Append a decision (committed before this returns)."""
        if action not in ACTIONS:
            raise LedgerError(f"{action!r} is not a decision: {', '.join(ACTIONS)}")
        if not re.fullmatch(r"[0-9a-f]{6,64}", fact_id or ""):
            raise LedgerError(f"{fact_id!r} is not a fact_id")
        checked = _checked_changes(changes or {})
        if action == "correct" and not checked:
            raise LedgerError("a correction needs a new value, period, kpi, subject or area")
        if action != "correct" and checked:
            raise LedgerError(f"only a correction changes readings, not {action}")
        row = {"fact_id": fact_id, "action": action, "who": who or reviewer(), "at": at or utc_now(),
               "note": note or "", "fact": json.dumps(fact or {}, ensure_ascii=False, sort_keys=True),
               **{k: checked.get(k) for k in CORRECTABLE}}
        try:
            cur = self.db.execute(f"INSERT INTO decisions ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                                  list(row.values()))
        except sqlite3.DatabaseError as e:
            raise LedgerError(f"{self.path}: the decision could not be written ({e})") from e
        return self._decision({**row, "id": cur.lastrowid})

    @staticmethod
    def _decision(row: dict) -> Decision:
        try:
            fact = json.loads(row.get("fact") or "{}")
        except ValueError:
            fact = {}
        return Decision(id=row["id"], fact_id=row["fact_id"], action=row["action"], who=row["who"], at=row["at"],
                        note=row.get("note") or "", fact=fact if isinstance(fact, dict) else {},
                        **{k: row.get(k) for k in CORRECTABLE})

    def history(self, since: str | None = None) -> list[Decision]:
        """Every decision in the order made (from `since`, an ISO time, when given)."""
        self.db.row_factory = sqlite3.Row
        query = "SELECT * FROM decisions" + (" WHERE at >= ?" if since else "") + " ORDER BY id"
        try:
            rows = self.db.execute(query, [since] if since else []).fetchall()
        except sqlite3.DatabaseError as e:
            raise LedgerError(f"{self.path}: not a review ledger ({e}): give the file `kpi-extract review` wrote") from e
        return [self._decision(dict(r)) for r in rows]

    def latest(self) -> dict[str, Decision]:
        """The decision that applies to each fact: its latest."""
        return {d.fact_id: d for d in self.history()}


def apply(facts: pd.DataFrame, decisions: dict[str, Decision]) -> tuple[pd.DataFrame, list[Decision]]:
    """The facts with the decisions applied (rejected rows gone, corrections in place, `reviewed`
    set), and the decisions whose fact is not among them. The facts' other columns, whatever they
    are, pass through."""
    if "fact_id" not in facts.columns:
        return facts, sorted(decisions.values(), key=lambda d: d.id)
    present = set(facts["fact_id"])
    orphans = [d for d in sorted(decisions.values(), key=lambda d: d.id) if d.fact_id not in present]
    if not decisions:
        return facts, orphans
    rows = []
    for r in facts.to_dict("records"):
        d = decisions.get(r["fact_id"])
        if d is None:
            rows.append(r)
            continue
        if d.action == "reject":
            continue
        r = dict(r)
        for k, v in d.changes.items():
            r[k] = v
            if k == "period":
                p = period_from_label(v)
                r.update(period=p.label, period_kind=p.kind, period_start=p.start.isoformat() if p.start else "",
                         period_end=p.end.isoformat() if p.end else "")
        r["reviewed"] = MARKS[d.action]
        rows.append(r)
    return pd.DataFrame(rows, columns=list(facts.columns)).fillna(""), orphans


def orphan_lines(orphans: Iterable[Decision], ledger: str | Path) -> list[str]:
    """Warnings for decisions whose fact is gone: they stay in the ledger, and are said."""
    return [f"warning: {ledger}: decision on a fact not in the facts (its page changed or its document "
            f"is gone): {d.describe()}" for d in orphans]
