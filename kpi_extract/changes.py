"""What changed between two runs: new figures, changed values, conflicts that appeared or went.

A nightly job's owner wants to know what last night's papers changed without comparing CSVs by
hand, and to be mailed only when something did. Both sides are series (a facts file is first
made into its series, so a figure reprinted in one more pack is not news, but a new value is).
Rows are matched by what identifies a series row: KPI, unit, subject, area (and any further
identifying column a newer tool writes, such as `area_code`) and the period, where an as-at date
and its month are one moment (a table's `Mar-17` column later joined by "at 31 March 2017").

The kinds of change, in the order they are listed: `new` (a figure for a KPI and period not
there before), `changed` (another agreed value), `conflict appeared`, `conflict resolved`,
`reviewed` (an analyst's decision now marks it, the value unchanged) and `gone` (no longer
found). A row with a new value and a new conflict is listed under both.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .series import FactsError, _read_csv, build_series, read_facts
from .writers import _text

KINDS = ("new", "changed", "conflict appeared", "conflict resolved", "reviewed", "gone")
IDENTITY = ["kpi", "unit", "subject", "area", "area_code"]
COLUMNS = ["change", "kpi", "subject", "area", "period", "period_kind", "unit", "old_value", "new_value",
           "sources", "alternatives", "reviewed"]


@dataclass(frozen=True)
class Change:
    kind: str
    row: dict  # the series row after (before, for `gone`)
    old: dict | None

    def record(self, identity: list[str]) -> dict:
        r = self.row
        out = {"change": self.kind, **{c: r.get(c, "") for c in identity},
               "period": r.get("period", ""), "period_kind": r.get("period_kind", ""), "unit": r.get("unit", ""),
               "old_value": (self.old or {}).get("value", "") if self.kind != "gone" else r.get("value", ""),
               "new_value": "" if self.kind == "gone" else r.get("value", ""),
               "sources": r.get("sources", ""), "alternatives": r.get("alternatives", ""),
               "reviewed": r.get("reviewed", "")}
        return out


def is_series(columns) -> bool:
    """A series file (as `series` writes) rather than a facts file (as `extract` writes)."""
    return {"n_sources", "sources", "conflict"} <= set(columns)


def _moment(r: dict) -> tuple[str, str]:
    if r.get("period_kind") in ("as_at", "month") and r.get("period_end"):
        return ("moment", str(r["period_end"])[:7])
    return (str(r.get("period_kind", "")), str(r.get("period", "")))


def identity_columns(*frames: pd.DataFrame) -> list[str]:
    return [c for c in IDENTITY if any(c in f.columns for f in frames)]


def compare(old: pd.DataFrame, new: pd.DataFrame) -> list[Change]:
    """The changes from one series to the other, in a fixed order."""
    ident = identity_columns(old, new)

    def index(frame: pd.DataFrame) -> dict[tuple, dict]:
        out: dict[tuple, dict] = {}
        for r in frame.fillna("").astype(str).to_dict("records"):
            out[tuple(r.get(c, "") for c in ident) + _moment(r)] = r
        return out

    before, after = index(old), index(new)
    changes: list[Change] = []
    for key, r in after.items():
        o = before.get(key)
        if o is None:
            changes.append(Change("new", r, None))
            continue
        if _number(o["value"]) != _number(r["value"]):
            changes.append(Change("changed", r, o))
        if o.get("conflict") != "true" and r.get("conflict") == "true":
            changes.append(Change("conflict appeared", r, o))
        if o.get("conflict") == "true" and r.get("conflict") != "true":
            changes.append(Change("conflict resolved", r, o))
        if o.get("reviewed", "") != r.get("reviewed", "") and r.get("reviewed", "") and \
                _number(o["value"]) == _number(r["value"]):
            changes.append(Change("reviewed", r, o))
    changes += [Change("gone", o, None) for key, o in before.items() if key not in after]
    return sorted(changes, key=lambda c: (KINDS.index(c.kind), c.row.get("kpi", ""), c.row.get("subject", ""),
                                          c.row.get("area", ""), c.row.get("period_start", ""),
                                          c.row.get("period", "")))


def _number(v: str) -> float | str:
    try:
        return float(v)
    except ValueError:
        return v


def records(changes: list[Change], old: pd.DataFrame, new: pd.DataFrame) -> tuple[list[str], list[dict]]:
    """Columns and rows for CSV or JSON lines: the identity columns the inputs have, in order."""
    ident = identity_columns(old, new)
    columns = ["change"] + [c for c in ident if c != "unit"] + ["period", "period_kind", "unit", "old_value",
                                                                "new_value", "sources", "alternatives", "reviewed"]
    return columns, [c.record(ident) for c in changes]


def _where(sources: str) -> str:
    return ", ".join(s.strip() for s in sources.split(";") if s.strip())


def markdown(changes: list[Change], old_name: str, new_name: str, notes: list[str] = ()) -> str:
    """A mail body: a heading per kind of change, a line per figure with its sources."""
    lines = [f"# Changes from {old_name} to {new_name}", ""]
    if not changes:
        lines.append("No changes.")
    titles = {"new": "New figures", "changed": "Changed values", "conflict appeared": "Conflicts that appeared",
              "conflict resolved": "Conflicts resolved", "reviewed": "Reviewed", "gone": "No longer found"}
    for kind in KINDS:
        group = [c for c in changes if c.kind == kind]
        if not group:
            continue
        lines += [f"## {titles[kind]} ({len(group)})", ""]
        for c in group:
            r = c.row
            who = " ".join(x for x in (r.get("subject", ""), r.get("area", "")) if x)
            head = f"- **{r.get('kpi', '')}**" + (f" ({who})" if who else "") + f" {r.get('period', '') or '(no period)'}: "
            if kind == "changed":
                body = f"{c.old['value']} → {r['value']}"
            elif kind in ("conflict appeared", "conflict resolved"):
                body = f"{r['value']}" + (f"; also {r['alternatives']}" if r.get("alternatives") else "")
            elif kind == "reviewed":
                body = f"{r['value']} {r.get('reviewed', '')}"
            else:
                body = r.get("value", "")
            unit = r.get("unit", "")
            lines.append(head + body + (f" {unit}" if unit and unit != "count" else "") +
                         (f" — {_where(r.get('sources', ''))}" if r.get("sources") else ""))
        lines.append("")
    if notes:
        lines += ["## Notes", ""] + [f"- {n}" for n in notes] + [""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _cell(v) -> str:
    """A JSON value as the CSV writes it: `529` not `529.0`, `true`, empty for null."""
    if isinstance(v, bool):
        return "true" if v else "false"
    return _text(v)


def _read_jsonl(p: Path, shown: str) -> pd.DataFrame:
    rows = []
    with p.open(encoding="utf-8") as f:
        for n, line in enumerate(f, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except ValueError as e:
                raise FactsError(f"{shown}:{n}: not a JSON object ({e})") from e
            if not isinstance(row, dict):
                raise FactsError(f"{shown}:{n}: not a JSON object")
            rows.append({k: _cell(v) for k, v in row.items()})
    return pd.DataFrame(rows, dtype=str)


def read_side(path: str | Path, measures: dict[str, str] | None = None) -> pd.DataFrame:
    """A series file as it is, or a facts file made into its series (columns say which).
    FactsError when it is neither."""
    p = Path(path)
    try:
        if p.suffix.lower() in (".jsonl", ".ndjson"):
            head = pd.read_json(p, lines=True, dtype=False, nrows=1)
            columns = list(head.columns)
        else:
            with p.open(encoding="utf-8-sig", newline="") as f:
                columns = f.readline().strip().split(",")
    except FileNotFoundError as e:
        raise FactsError(f"{path}: no such file") from e
    except (OSError, ValueError, UnicodeDecodeError) as e:
        raise FactsError(f"{path}: not a series or facts file ({e})") from e
    if is_series(columns):
        if p.suffix.lower() in (".jsonl", ".ndjson"):
            frame = _read_jsonl(p, str(path))
        else:
            frame = _read_csv(p, str(path))
        missing = {"kpi", "period", "value"} - set(frame.columns)
        if missing:
            raise FactsError(f"{path}: missing column(s) {', '.join(sorted(missing))}: give a file written by "
                             f"`kpi-extract series` or `extract`")
        return frame.fillna("")
    return build_series(read_facts(p), measures)
